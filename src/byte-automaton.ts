// The prefilter's hot loop over a file's bytes, in WebAssembly: about four times faster than the same loop in
// JavaScript, where each byte costs a bounds-checked typed-array read and a branch for the line count. The module
// is a few dozen bytes, assembled here from its text form (below) so there is no build step and no binary file:
//
//   (func $run (param $pos i32) (param $end i32) (param $row i32) (param $line i32) (param $threshold i32)
//              (result i32) (local $byte i32)
//     (block $done (loop $next
//       (br_if $done (i32.ge_u (local.get $pos) (local.get $end)))
//       (local.set $byte (i32.load8_u (local.get $pos)))
//       (local.set $line (i32.add (local.get $line) (i32.eq (local.get $byte) (i32.const 10))))
//       (local.set $row (i32.load offset=264 (i32.add (local.get $row) (i32.load8_u offset=8 (local.get $byte)))))
//       (local.set $pos (i32.add (local.get $pos) (i32.const 1)))
//       (br_if $next (i32.lt_u (local.get $row) (local.get $threshold)))))
//     (i32.store (i32.const 0) (local.get $row))
//     (i32.store (i32.const 4) (local.get $line))
//     (local.get $pos))
//
// Memory: the row and line the run stopped at (bytes 0-7), the byte classes (8-263), the transition table (264-),
// then the input. Rows and classes are stored as byte offsets (times four), so that the chain from one byte's row
// to the next is one add and one load. A run stops after the byte that enters an output state, or at the end; the
// caller records the hit and resumes from there with the same row and line.
import { endianness } from 'node:os';

// The project compiles without the DOM library, where the WebAssembly types live: what this module uses of it.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
type WasmModule = object;
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule) => { exports: Record<string, unknown> };
};

const CLASSES_AT = 8;
const TABLE_AT = 264;
const PAGE = 65536;

const RUN_BODY = [
  0x01, 0x01, 0x7f, // one local: $byte
  0x02, 0x40, 0x03, 0x40, // block, loop
  0x20, 0x00, 0x20, 0x01, 0x4f, 0x0d, 0x01, // pos >= end: done
  0x20, 0x00, 0x2d, 0x00, 0x00, 0x21, 0x05, // byte = load8_u(pos)
  0x20, 0x03, 0x20, 0x05, 0x41, 0x0a, 0x46, 0x6a, 0x21, 0x03, // line += byte == '\n'
  0x20, 0x02, 0x20, 0x05, 0x2d, 0x00, 0x08, 0x6a, 0x28, 0x02, 0x88, 0x02, 0x21, 0x02, // row = table[row + class[byte]]
  0x20, 0x00, 0x41, 0x01, 0x6a, 0x21, 0x00, // pos += 1
  0x20, 0x02, 0x20, 0x04, 0x49, 0x0d, 0x00, // row < threshold: next
  0x0b, 0x0b, // end loop, end block
  0x41, 0x00, 0x20, 0x02, 0x36, 0x02, 0x00, // store row at 0
  0x41, 0x04, 0x20, 0x03, 0x36, 0x02, 0x00, // store line at 4
  0x20, 0x00, 0x0b, // return pos
];

function section(id: number, content: number[]): number[] {
  return [id, content.length, ...content];
}

const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x01, 0x7f]), // type: (i32 x5) -> i32
  ...section(3, [0x01, 0x00]), // one function of that type
  ...section(5, [0x01, 0x00, 0x01]), // one memory, one page to start
  ...section(7, [0x02, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00, 0x06, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79, 0x02, 0x00]), // export run, memory
  ...section(10, [0x01, RUN_BODY.length, ...RUN_BODY]),
]);

let compiled: WasmModule | null | undefined;
function scannerModule(): WasmModule | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      // The table is written as little-endian words: on a big-endian host the JavaScript loop runs instead.
      compiled = endianness() === 'LE' && typeof WebAssembly === 'object' ? new WebAssembly.Module(MODULE_BYTES) : null;
    } catch {
      // Left null: the JavaScript loop runs.
    }
  }
  return compiled;
}

/** Called for each output state reached, with the 1-based line of the byte that reached it and the offset after it. */
export type OnOutput = (row: number, line: number, end: number) => void;

export class ByteAutomaton {
  private readonly memory: WasmMemory;
  private readonly run: (pos: number, end: number, row: number, line: number, threshold: number) => number;
  private readonly inputAt: number;
  private bytes: Uint8Array;
  private words: Int32Array;

  /** Undefined where WebAssembly cannot run it (the caller keeps its JavaScript loop). */
  static create(classOf: Uint8Array, transitions: Int32Array, threshold: number): ByteAutomaton | undefined {
    const module = scannerModule();
    // Classes are stored times four in bytes: past 63 of them (keywords over more distinct characters), no module.
    if (!module || Math.max(...classOf) * 4 > 255) return undefined;
    return new ByteAutomaton(module, classOf, transitions, threshold);
  }

  private constructor(
    module: WasmModule,
    classOf: Uint8Array,
    transitions: Int32Array,
    private readonly threshold: number,
  ) {
    const instance = new WebAssembly.Instance(module);
    this.memory = instance.exports.memory as WasmMemory;
    this.run = instance.exports.run as ByteAutomaton['run'];
    this.inputAt = TABLE_AT + transitions.length * 4;
    this.reserve(this.inputAt);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.words = new Int32Array(this.memory.buffer);
    this.bytes.set(classOf.map((symbol) => symbol * 4), CLASSES_AT);
    this.words.set(transitions.map((row) => row * 4), TABLE_AT / 4);
  }

  /**
   * Runs the automaton over the bytes from the root state, reporting every output state it enters. False when the
   * input does not fit in WebAssembly memory (over about 4 GB): the caller runs its JavaScript loop instead.
   */
  scan(input: Uint8Array, onOutput: OnOutput): boolean {
    const start = this.inputAt;
    const end = start + input.length;
    try {
      this.reserve(end);
    } catch {
      return false;
    }
    this.bytes.set(input, start);
    const threshold = this.threshold * 4;
    let pos = start;
    let row = 0;
    let line = 1;
    while (pos < end) {
      pos = this.run(pos, end, row, line, threshold);
      row = this.words[0]!;
      line = this.words[1]!;
      if (row >= threshold) onOutput(row >> 2, line, pos - start);
    }
    return true;
  }

  private reserve(bytes: number): void {
    const missing = bytes - this.memory.buffer.byteLength;
    if (missing <= 0) return;
    this.memory.grow(Math.ceil(missing / PAGE));
    this.bytes = new Uint8Array(this.memory.buffer);
    this.words = new Int32Array(this.memory.buffer);
  }
}
