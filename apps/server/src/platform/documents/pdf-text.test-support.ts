import zlib from 'node:zlib';

// Reads the text back out of a PDF written by pdfkit (pdfmake's engine), for tests only: embedded fonts
// write glyph ids, not characters, so the text is decoded through each font's ToUnicode CMap. Handles
// FlateDecode streams, hex-string Tj/TJ and a new line whenever the text matrix moves to another line.

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/** Text of every page in order, lines separated by '\n'; unmapped glyphs (.notdef) come out as '\uFFFD'. */
export function extractPdfText(pdf: Buffer): string {
  const objects = parseObjects(pdf);
  const cmaps = new Map<string, Map<number, string>>();
  for (const [, obj] of objects) {
    for (const m of obj.dict.matchAll(/\/(F\d+)\s+(\d+)\s+0\s+R/g)) {
      const font = objects.get(Number(m[2]));
      const toUnicode = font && /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(font.dict);
      const cmapObj = toUnicode && objects.get(Number(toUnicode[1]));
      if (cmapObj?.stream) cmaps.set(m[1], parseCMap(cmapObj.stream.toString('latin1')));
    }
  }
  const out: string[] = [];
  for (const [, obj] of objects) {
    if (!obj.stream || /\/Type\s*\/(XObject|Font)|\/Subtype|\/Length1/.test(obj.dict)) continue;
    const content = obj.stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    out.push(decodeContent(content, cmaps));
  }
  return out.join('\n');
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+)\s+0\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const s = body.indexOf('stream');
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, s);
    let dataStart = start + s + 'stream'.length;
    if (text[dataStart] === '\r') dataStart++;
    if (text[dataStart] === '\n') dataStart++;
    const length = /\/Length\s+(\d+)/.exec(dict);
    const raw = length
      ? pdf.subarray(dataStart, dataStart + Number(length[1]))
      : pdf.subarray(dataStart, start + body.lastIndexOf('endstream'));
    const stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : raw;
    objects.set(Number(m[1]), { dict, stream });
    re.lastIndex = end;
  }
  return objects;
}

function utf16Hex(hex: string): string {
  let s = '';
  for (let i = 0; i + 4 <= hex.length; i += 4)
    s += String.fromCharCode(Number.parseInt(hex.slice(i, i + 4), 16));
  return s;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(m[1], 16), utf16Hex(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const re = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g;
    for (const m of block[1].matchAll(re)) {
      const lo = Number.parseInt(m[1], 16);
      const hi = Number.parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        const dst = [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => utf16Hex(d[1]));
        for (let c = lo; c <= hi; c++) map.set(c, dst[c - lo]);
      } else {
        const base = Number.parseInt(m[3].slice(1, -1), 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(base + c - lo));
      }
    }
  }
  return map;
}

function decodeContent(content: string, cmaps: Map<string, Map<number, string>>): string {
  let cmap: Map<number, string> | undefined;
  let lastY: string | undefined;
  let text = '';
  const tokens =
    /\/(F\d+)\s+[\d.]+\s+Tf|[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+([\d.-]+)\s+Tm|\[([^\]]*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
  for (const m of content.matchAll(tokens)) {
    if (m[1]) cmap = cmaps.get(m[1]);
    else if (m[2] !== undefined) {
      if (lastY !== undefined && m[2] !== lastY) text += '\n';
      lastY = m[2];
    } else {
      const hexes = m[3] !== undefined ? [...m[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]) : [m[4]];
      for (const hex of hexes) {
        for (let i = 0; i + 4 <= hex.length; i += 4) {
          const code = Number.parseInt(hex.slice(i, i + 4), 16);
          text += code === 0 ? '\uFFFD' : (cmap?.get(code) ?? '\uFFFD');
        }
      }
    }
  }
  return text;
}
