import { crc32 } from './crc32';
import { createDeterministicZip } from './deterministic-zip';

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('createDeterministicZip', () => {
  const a = { name: 'a.js', data: Buffer.from('exports.a = 1;\n') };
  const b = { name: 'lib/b.js', data: Buffer.from('exports.b = 2;\n') };

  it('depends only on the entries, not on their order', () => {
    expect(createDeterministicZip([a, b]).equals(createDeterministicZip([b, a]))).toBe(true);
  });

  it('changes when a byte of content changes', () => {
    expect(createDeterministicZip([a]).equals(createDeterministicZip([{ ...a, data: Buffer.from('exports.a = 2;\n') }]))).toBe(false);
  });

  it('writes a stored entry with the fixed 1980-01-01 timestamp and its CRC', () => {
    const zip = createDeterministicZip([a]);
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(0); // stored
    expect(zip.readUInt16LE(10)).toBe(0); // 00:00:00
    expect(zip.readUInt16LE(12)).toBe((1 << 5) | 1); // 1980-01-01
    expect(zip.readUInt32LE(14)).toBe(crc32(a.data));
    expect(zip.subarray(30, 30 + a.name.length).toString()).toBe('a.js');
    expect(zip.subarray(30 + a.name.length, 30 + a.name.length + a.data.length).equals(a.data)).toBe(true);
    expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  });

  it('refuses names that would not unpack where expected, and duplicates', () => {
    expect(() => createDeterministicZip([{ name: '/abs.js', data: a.data }])).toThrow(/relative path/);
    expect(() => createDeterministicZip([{ name: 'dir\\a.js', data: a.data }])).toThrow(/relative path/);
    expect(() => createDeterministicZip([a, a])).toThrow(/appears twice/);
  });
});
