/**
 * Turns the bytes of a text file from outside (a CSV from Excel or WPS) into text. Pure, and the
 * same in Node and the browser (TextDecoder), so the CLI and the browser imports decode alike.
 *
 * - UTF-8, with or without a byte-order mark: Excel's "CSV UTF-8", WPS, editors.
 * - GBK / GB18030: what Excel on Chinese Windows writes for plain "CSV (逗号分隔)". Detected as
 *   bytes that are not valid UTF-8 (GBK text is almost never valid UTF-8), then decoded as
 *   GB18030, which contains GBK.
 * - UTF-16 ("Unicode text" from Excel) and workbooks (.xlsx, .xls) are refused with a message
 *   saying what the file is and how to save it, instead of a misleading 表头缺少列 later.
 */
export type DecodedText =
  { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; error: string };

const UTF16_MESSAGE = '文件是UTF-16编码，请另存为UTF-8或GBK的CSV';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** UTF-16 without a byte-order mark: ASCII characters leave every other byte zero. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  return half >= 2 && Math.max(evenZeros, oddZeros) > half * 0.3;
}

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | null {
  try {
    // fatal: a byte sequence invalid in this encoding throws instead of becoming U+FFFD.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * @example decodeText(new TextEncoder().encode('\uFEFFindicator,year')) → { ok: true, text: 'indicator,year', encoding: 'utf-8' }
 * @example decodeText(bytes of "每千人口床位数" in GBK) → { ok: true, text: '每千人口床位数', encoding: 'gb18030' }
 * @example decodeText(Uint8Array.of(0xff, 0xfe, 0x61, 0x00)) → { ok: false, error: '文件是UTF-16编码，请另存为UTF-8或GBK的CSV' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, error: UTF16_MESSAGE };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      error: '文件是Excel工作簿（.xlsx），不是CSV；请在Excel中另存为“CSV UTF-8”',
    };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      ok: false,
      error: '文件是Excel 97—2003工作簿（.xls），不是CSV；请在Excel中另存为“CSV UTF-8”',
    };
  }
  if (looksLikeUtf16(bytes)) return { ok: false, error: UTF16_MESSAGE };
  const hasUtf8Mark = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  // TextDecoder drops a leading UTF-8 byte-order mark itself.
  const utf8 = decode(bytes, 'utf-8');
  let result: DecodedText;
  if (utf8 !== null) result = { ok: true, text: utf8, encoding: 'utf-8' };
  else if (hasUtf8Mark) {
    return {
      ok: false,
      error: '文件开头标明是UTF-8编码，但内容中有不是UTF-8的字节；请重新另存为“CSV UTF-8”',
    };
  } else {
    const gbk = decode(bytes, 'gb18030');
    if (gbk === null) {
      return {
        ok: false,
        error: '无法识别文件的编码（既不是UTF-8，也不是GBK/GB18030）；请在Excel中另存为“CSV UTF-8”',
      };
    }
    result = { ok: true, text: gbk, encoding: 'gb18030' };
  }
  if (result.text.includes('\u0000')) {
    return { ok: false, error: '文件中有空字符，不是文本文件；请另存为UTF-8或GBK的CSV' };
  }
  return result;
}
