// Reads one file's bytes and decodes them to text, refusing binaries and oversized files before they cost anything.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { FileRef } from '../model.js';

export type ReadOutcome =
  | { kind: 'text'; text: string; /** Set when the bytes were not valid UTF-8 and were decoded as Latin-1. */ lossy?: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

const SNIFF_BYTES = 8000;
const utf16le = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('latin1');

/**
 * What a scan needs before deciding whether to decode: the bytes of a text file (UTF-8 or Latin-1, BOM removed,
 * NUL-sniffed), or text already (inline content, UTF-16 files), or why there is nothing to read.
 */
export type ContentOutcome = { kind: 'bytes'; bytes: Buffer } | { kind: 'text'; text: string; lossy?: boolean } | Exclude<ReadOutcome, { kind: 'text' }>;

/**
 * The bytes come in a buffer this module reuses: they are valid until the next call, which is all a scan needs (it
 * prefilters and decodes each file before reading the next). One buffer instead of one per file spares an
 * allocation, and the stat: a file that fills the buffer past the size allowed is too large. Files larger than the
 * buffer (a raised --max-file-size) get one of their own.
 */
export function readContent(ref: FileRef, maxFileSize: number): ContentOutcome {
  if (ref.content !== undefined) return { kind: 'text', text: textWithLineFeeds(ref.content) };
  if (ref.size !== undefined && ref.size > maxFileSize) return { kind: 'too-large', size: ref.size };
  let fd: number;
  try {
    fd = openSync(ref.absolutePath, 'r');
  } catch (error) {
    return { kind: 'unreadable', reason: openFailure(ref.path, error) };
  }
  try {
    const buffer = readBuffer(maxFileSize);
    let filled = fill(fd, buffer, 0);
    if (filled < buffer.length) return sniff(buffer.subarray(0, filled));
    // Full: either past the size allowed, or a file larger than the shared buffer that is still allowed.
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return { kind: 'too-large', size };
    const own = Buffer.allocUnsafe(size);
    buffer.copy(own, 0, 0, filled);
    filled = fill(fd, own, filled);
    return sniff(own.subarray(0, filled));
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

function fill(fd: number, buffer: Buffer, from: number): number {
  let filled = from;
  while (filled < buffer.length) {
    const read = readSync(fd, buffer, filled, buffer.length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return filled;
}

/** At most this much memory is held for reading; larger allowed files are read into their own buffer. */
const SHARED_BUFFER_CAP = 16 * 1024 * 1024;
let shared: Buffer | undefined;
/** The reused buffer: one byte more than the largest file allowed (up to the cap), so that a larger one fills it. */
function readBuffer(maxFileSize: number): Buffer {
  const length = Math.min(maxFileSize + 1, SHARED_BUFFER_CAP);
  if (!shared || shared.length !== length) shared = Buffer.allocUnsafe(length);
  return shared;
}

/** BOMs honoured (UTF-16 decoded at once), NUL in the first 8 KB means binary (a native scan); else the bytes. */
function sniff(input: Buffer): Extract<ContentOutcome, { kind: 'bytes' | 'text' | 'binary' }> {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: textWithLineFeeds(utf16le.decode(bytes.subarray(2))) };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.subarray(0, SNIFF_BYTES).indexOf(0) !== -1) return { kind: 'binary' };
  return { kind: 'bytes', bytes: bytesWithLineFeeds(bytes) };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Classic Mac OS files end lines with a carriage return alone: read as they are, the whole file is one line and
 * every finding is reported at line 1. Such a file (a CR and no line feed) gets line feeds in their place, which
 * keeps every offset; any other file is returned as it is, after one native search for a line feed.
 */
function bytesWithLineFeeds(bytes: Buffer): Buffer {
  if (bytes.indexOf(LF) !== -1 || bytes.indexOf(CR) === -1) return bytes;
  // A copy: the bytes may be a caller's (a git blob).
  const copy = Buffer.from(bytes);
  for (let at = copy.indexOf(CR); at !== -1; at = copy.indexOf(CR, at + 1)) copy[at] = LF;
  return copy;
}

function textWithLineFeeds(text: string): string {
  return text.includes('\n') || !text.includes('\r') ? text : text.replaceAll('\r', '\n');
}

/** Text of NUL-free bytes: UTF-8 when valid (checked natively), Latin-1 otherwise, as editors and agents read them. */
export function decodeBytes(bytes: Buffer): { text: string; lossy: boolean } {
  return isUtf8(bytes) ? { text: bytes.toString('utf8'), lossy: false } : { text: latin1.decode(bytes), lossy: true };
}

/** Decodes bytes the way editors (and so agents) would: BOMs honoured, NUL means binary, bad UTF-8 falls back to Latin-1. */
export function decode(input: Uint8Array): ReadOutcome {
  const content = sniff(Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength));
  return content.kind === 'bytes' ? { kind: 'text', ...decodeBytes(content.bytes) } : content;
}

/**
 * Why a listed file would not open. A name that is not valid UTF-8 reaches Node.js with U+FFFD in place of its bad
 * bytes, so the file it lists cannot be opened by that name: say so, rather than that the file does not exist.
 */
function openFailure(path: string, error: unknown): string {
  const code = errorCode(error);
  return code === 'ENOENT' && path.includes('\uFFFD') ? 'its name is not valid UTF-8, which Node.js cannot open by name' : code;
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
