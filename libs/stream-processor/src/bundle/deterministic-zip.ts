import { crc32 } from './crc32';

export interface ZipEntry {
  /** Path inside the archive, with "/" separators. */
  readonly name: string;
  readonly data: Uint8Array;
}

// 1980-01-01 00:00:00, the earliest MS-DOS timestamp: the same for every build.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const STORED = 0;
const VERSION_NEEDED = 10;
// "Made by" Unix (3) so the external attributes carry a file mode Lambda can read.
const VERSION_MADE_BY = (3 << 8) | 20;
const REGULAR_FILE_RW_R_R = 0o100644;
const ZIP32_LIMIT = 0xffffffff;

/**
 * A zip whose bytes depend only on the entries: names sorted, fixed timestamps and modes, no extra
 * fields, and entries stored rather than deflated, so the zlib build of the Node that runs the bundler
 * cannot change the output either.
 */
export function createDeterministicZip(entries: readonly ZipEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  sorted.forEach((entry, i) => {
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\')) throw new Error(`zip entry name "${entry.name}" must be a relative path with "/" separators`);
    if (i > 0 && sorted[i - 1].name === entry.name) throw new Error(`zip entry "${entry.name}" appears twice`);
  });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(entry.data);
    const size = entry.data.byteLength;
    if (size > ZIP32_LIMIT || offset > ZIP32_LIMIT) throw new Error(`zip entry "${entry.name}" is beyond the 4 GiB a zip without Zip64 can address`);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(STORED, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(size, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, name, Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength));

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(STORED, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(size, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE((REGULAR_FILE_RW_R_R << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);

    offset += local.length + name.length + size;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}
