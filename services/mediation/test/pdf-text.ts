import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF made by pdfkit with an embedded CID font, for tests: inflate every stream,
 * read the ToUnicode maps (bfrange/bfchar), and decode the glyph codes of the TJ/Tj strings.
 */
export function pdfText(pdf: Buffer): string {
  const streams: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
    re.lastIndex = end;
  }
  const map = new Map<number, string>();
  const hexToText = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const s of streams.filter((x) => x.includes('beginbfrange') || x.includes('beginbfchar'))) {
    for (const r of s.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
      const from = parseInt(r[1], 16);
      [...r[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(from + i, hexToText(d[1])));
    }
    // Plain ranges, once the arrays (whose entries would look like ranges) are taken out.
    for (const r of s.replace(/\[[^\]]*\]/g, '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const from = parseInt(r[1], 16);
      const to = parseInt(r[2], 16);
      const base = parseInt(r[3], 16);
      for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
    }
  }
  let text = '';
  for (const s of streams.filter((x) => /T[Jj]/.test(x) && !x.includes('beginbfrange'))) {
    for (const line of s.split('\n')) {
      if (!/T[Jj]\s*$/.test(line)) continue;
      for (const h of line.matchAll(/<([0-9a-fA-F]+)>/g)) {
        for (let i = 0; i + 4 <= h[1].length; i += 4) text += map.get(parseInt(h[1].slice(i, i + 4), 16)) ?? '';
      }
      text += '\n';
    }
  }
  return text;
}
