// Reads one file's bytes and decodes them to text, refusing binaries and oversized files before they cost anything.
import { readFileSync } from 'node:fs';
import type { FileRef } from '../model.js';

export type ReadOutcome =
  | { kind: 'text'; text: string; /** Set when the bytes were not valid UTF-8 and were decoded as Latin-1. */ lossy?: boolean }
  | { kind: 'binary' }
  | { kind: 'too-large' }
  | { kind: 'unreadable'; reason: string };

const SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('latin1');

export function readText(ref: FileRef, maxFileSize: number): ReadOutcome {
  if (ref.content !== undefined) return { kind: 'text', text: ref.content };
  if (ref.size > maxFileSize) return { kind: 'too-large' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(ref.absolutePath);
  } catch (error) {
    return { kind: 'unreadable', reason: errorCode(error) };
  }
  // The size may have changed since discovery; the cap is about what we hold in memory.
  if (bytes.length > maxFileSize) return { kind: 'too-large' };
  return decode(bytes);
}

/** Decodes bytes the way editors (and so agents) would: BOMs honoured, NUL means binary, bad UTF-8 falls back to Latin-1. */
export function decode(bytes: Uint8Array): ReadOutcome {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: 'text', text: utf16le.decode(bytes.subarray(2)) };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const sniff = Math.min(bytes.length, SNIFF_BYTES);
  for (let i = 0; i < sniff; i++) if (bytes[i] === 0) return { kind: 'binary' };
  try {
    return { kind: 'text', text: utf8.decode(bytes) };
  } catch {
    return { kind: 'text', text: latin1.decode(bytes), lossy: true };
  }
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
