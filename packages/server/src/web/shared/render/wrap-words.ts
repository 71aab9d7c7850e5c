/**
 * Breaks `text` (spaces already collapsed) into lines that `fits` accepts, at spaces; a single word wider
 * than a line (a long URL, a name without spaces, CJK text) is broken anywhere. Measuring is the caller's:
 * a PDF font and an SVG card measure differently.
 */
export function wrapWords(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const char of word) {
      if (line && !fits(line + char)) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  }
  if (line) lines.push(line);
  return lines;
}
