/**
 * Checks a zip (an .xlsx is one) before any library parses it: a file of a few kilobytes can
 * unpack to gigabytes (a zip bomb) and freeze the tab. The central directory's sizes are read
 * first, then every entry is really inflated, counting bytes and stopping at the limit, since
 * the sizes a file declares can lie. Only what passes goes to ExcelJS.
 */
export interface ZipLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** All entries unpacked together. */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
};

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}MB`;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

function readEntries(bytes: Uint8Array): Entry[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65 535 bytes, at the end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return '不是有效的 .xlsx 文件（无法识别的压缩格式）';
  const count = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) return '不支持 ZIP64 格式的文件';
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) {
      return '文件已损坏（压缩目录不完整）';
    }
    const nameLength = view.getUint16(p + 28, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      declaredSize: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

/** Inflates raw deflate data, giving up as soon as more than `budget` bytes come out. */
async function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  const stream = new Blob([data as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > budget) {
        await reader.cancel();
        return total;
      }
    }
  } catch {
    return Number.NaN;
  }
}

/** Null when the zip is within the limits, else a Chinese message saying why it is refused. */
export async function checkZip(
  data: ArrayBuffer | Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<string | null> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length > limits.maxFileBytes) {
    return `文件大小${MB(bytes.length)}，超过上限${MB(limits.maxFileBytes)}，未读取`;
  }
  const entries = readEntries(bytes);
  if (typeof entries === 'string') return entries;
  if (entries.length > limits.maxEntries) {
    return `压缩包内有${entries.length}个文件，超过上限${limits.maxEntries}个，不是填报模板，未读取`;
  }
  const tooBig = `解压后超过${MB(limits.maxUncompressedBytes)}，可能是恶意构造的文件（压缩炸弹），未读取`;
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > limits.maxUncompressedBytes) return `文件${tooBig}`;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const p = entry.localOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) {
      return '文件已损坏（压缩条目不完整）';
    }
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const body = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) total += body.length;
    else if (entry.method === 8) {
      const size = await inflatedSize(body, limits.maxUncompressedBytes - total);
      if (Number.isNaN(size)) return `文件已损坏（“${entry.name}”无法解压）`;
      total += size;
    } else return `不支持的压缩方式（“${entry.name}”）`;
    if (total > limits.maxUncompressedBytes) return `文件${tooBig}`;
  }
  return null;
}
