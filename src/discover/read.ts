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

export function readContent(ref: FileRef, maxFileSize: number): ContentOutcome {
  if (ref.content !== undefined) return { kind: 'text', text: ref.content };
  if (ref.size !== undefined && ref.size > maxFileSize) return { kind: 'too-large', size: ref.size };
  let fd: number;
  try {
    fd = openSync(ref.absolutePath, 'r');
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) };
  }
  try {
    // The size as of now, not as listed: the cap is about what is held in memory, so it is checked before reading.
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return { kind: 'too-large', size };
    const bytes = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return sniff(filled === size ? bytes : bytes.subarray(0, filled));
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) };
  } finally {
    closeSync(fd);
  }
}

/** BOMs honoured (UTF-16 decoded at once), NUL in the first 8 KB means binary (a native scan); else the bytes. */
function sniff(input: Buffer): Extract<ContentOutcome, { kind: 'bytes' | 'text' | 'binary' }> {
  let bytes = input;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: utf16le.decode(bytes.subarray(2)) };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  if (bytes.subarray(0, SNIFF_BYTES).indexOf(0) !== -1) return { kind: 'binary' };
  return { kind: 'bytes', bytes };
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

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
