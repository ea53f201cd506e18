/**
 * The column names of a Parquet log file (SPEC §5), read from its footer without reading a row:
 * what `promise check` compares a standard's columns with, and what the DuckDB engine checks
 * before it reads the rows. The footer is Thrift's compact protocol; of it only the schema's
 * names and child counts are read, the rest is stepped over.
 * https://github.com/apache/parquet-format/blob/master/src/main/thrift/parquet.thrift
 */
import { LogFileError } from '../model/errors.js';
import { openLogFile } from './csv.js';

const MAGIC = 'PAR1';
/** The magic of a file whose footer is encrypted (Parquet modular encryption). */
const ENCRYPTED = 'PARE';
/** Nested structs deeper than this in a footer are a damaged file, not a schema. */
const MAX_DEPTH = 64;

const T_BOOL_TRUE = 1;
const T_BOOL_FALSE = 2;
const T_BYTE = 3;
const T_I16 = 4;
const T_I32 = 5;
const T_I64 = 6;
const T_DOUBLE = 7;
const T_BINARY = 8;
const T_LIST = 9;
const T_SET = 10;
const T_MAP = 11;
const T_STRUCT = 12;
const T_UUID = 13;

/** FileMetaData.schema; SchemaElement.name and .num_children */
const FILE_SCHEMA = 2;
const ELEMENT_NAME = 4;
const ELEMENT_CHILDREN = 5;

class Damaged extends Error {}

/** Reads Thrift's compact protocol from a buffer, throwing Damaged at its end. */
class Compact {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  byte(): number {
    const b = this.bytes[this.at++];
    if (b === undefined) throw new Damaged();
    return b;
  }

  skipBytes(n: number): void {
    if (n < 0 || this.at + n > this.bytes.length) throw new Damaged();
    this.at += n;
  }

  /** An unsigned varint; past 2^53 only its length matters (it is stepped over). */
  varint(): number {
    let out = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      out += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return out;
      scale *= 128;
    }
    throw new Damaged();
  }

  zigzag(): number {
    const n = this.varint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  binary(): Uint8Array {
    const n = this.varint();
    this.skipBytes(n);
    return this.bytes.subarray(this.at - n, this.at);
  }

  /** The fields of a struct, each handed to `field` (which reads or skips its value), up to the stop. */
  struct(field: (id: number, type: number) => void): void {
    let id = 0;
    for (;;) {
      const header = this.byte();
      if (header === 0) return;
      const type = header & 0x0f;
      const delta = header >> 4;
      id = delta === 0 ? this.zigzag() : id + delta;
      field(id, type);
    }
  }

  /** A list's header: its size and the type of its elements. */
  list(): { size: number; type: number } {
    const header = this.byte();
    const short = header >> 4;
    return { size: short === 15 ? this.varint() : short, type: header & 0x0f };
  }

  /** Steps over a value of `type`; `inList` because a bool in a list takes a byte, in a field none. */
  skip(type: number, depth: number, inList = false): void {
    if (depth > MAX_DEPTH) throw new Damaged();
    switch (type) {
      case T_BOOL_TRUE:
      case T_BOOL_FALSE:
        if (inList) this.byte();
        return;
      case T_BYTE:
        this.byte();
        return;
      case T_I16:
      case T_I32:
      case T_I64:
        this.varint();
        return;
      case T_DOUBLE:
        this.skipBytes(8);
        return;
      case T_BINARY:
        this.binary();
        return;
      case T_UUID:
        this.skipBytes(16);
        return;
      case T_LIST:
      case T_SET: {
        const { size, type: element } = this.list();
        for (let i = 0; i < size; i++) this.skip(element, depth + 1, true);
        return;
      }
      case T_MAP: {
        const size = this.varint();
        if (size === 0) return;
        const types = this.byte();
        for (let i = 0; i < size; i++) {
          this.skip(types >> 4, depth + 1, true);
          this.skip(types & 0x0f, depth + 1, true);
        }
        return;
      }
      case T_STRUCT:
        this.struct((_, t) => this.skip(t, depth + 1));
        return;
      default:
        throw new Damaged();
    }
  }
}

interface SchemaElement {
  name: string;
  children: number;
}

/** The schema of a FileMetaData: a tree written depth first, the root first. */
function readSchema(footer: Uint8Array): SchemaElement[] | undefined {
  const r = new Compact(footer);
  const decoder = new TextDecoder('utf-8');
  let schema: SchemaElement[] | undefined;
  r.struct((id, type) => {
    if (id !== FILE_SCHEMA || type !== T_LIST || schema !== undefined) return r.skip(type, 1);
    const { size, type: element } = r.list();
    if (element !== T_STRUCT) throw new Damaged();
    schema = [];
    for (let i = 0; i < size; i++) {
      const e: SchemaElement = { name: '', children: 0 };
      r.struct((field, t) => {
        if (field === ELEMENT_NAME && t === T_BINARY) e.name = decoder.decode(r.binary());
        else if (field === ELEMENT_CHILDREN && t === T_I32) e.children = r.zigzag();
        else r.skip(t, 2);
      });
      schema.push(e);
    }
  });
  return schema;
}

/** The names of the root's children: the file's columns, in order (a nested column is one column). */
function topLevelNames(schema: readonly SchemaElement[]): string[] {
  const root = schema[0];
  if (root === undefined) throw new Damaged();
  const names: string[] = [];
  let at = 1;
  for (let k = 0; k < root.children; k++) {
    const column = schema[at];
    if (column === undefined) throw new Damaged();
    names.push(column.name);
    // step over the column's own subtree, without recursion
    for (let open = 1; open > 0; at++) {
      const e = schema[at];
      if (e === undefined || e.children < 0) throw new Damaged();
      open += e.children - 1;
    }
  }
  return names;
}

function notParquet(display: string, reason: string, hint: string): LogFileError {
  return new LogFileError(display, `cannot read log file ${display}: ${reason}`, hint, undefined, reason);
}

/**
 * The column names of a Parquet file, in order. Throws LogFileError for a file that cannot be
 * opened (as the CSV reader says it) or that is not Parquet, encrypted, or damaged.
 */
export async function readParquetColumns(abs: string, display: string): Promise<string[]> {
  const { handle, size } = await openLogFile(abs, display);
  try {
    const read = async (position: number, length: number): Promise<Buffer> => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    };
    const head = size >= 12 ? (await read(0, 4)).toString('latin1') : '';
    const tail = size >= 12 ? await read(size - 8, 8) : Buffer.alloc(0);
    const magic = tail.subarray(4).toString('latin1');
    if (magic === ENCRYPTED) throw notParquet(display, 'it is an encrypted Parquet file, which promise cannot read', 'export it again without encryption');
    if (head !== MAGIC || magic !== MAGIC) {
      throw notParquet(display, "it is not a Parquet file: it does not start and end with Parquet's PAR1 mark", 'point the source at the Parquet file an export wrote, or rename a CSV file to end in .csv');
    }
    const length = tail.readUInt32LE(0);
    const damaged = () => notParquet(display, 'its Parquet footer is damaged', 'export it again, or check that the whole file was copied');
    if (length > size - 12) throw damaged();
    const footer = await read(size - 8 - length, length);
    try {
      const schema = footer.length === length ? readSchema(footer) : undefined;
      if (schema === undefined) throw new Damaged();
      return topLevelNames(schema);
    } catch (err) {
      if (err instanceof Damaged) throw damaged();
      throw err;
    }
  } finally {
    await handle.close();
  }
}
