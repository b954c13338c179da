/**
 * A CSV file Excel opens with its Chinese intact (UTF-8 with a BOM). Every cell is quoted, and a cell
 * starting with = + - @ gets a leading apostrophe, so text an officer typed is never run as a formula.
 */
export function csvFile(rows: readonly (readonly unknown[])[]): Blob {
  const cell = (v: unknown) => {
    const text = String(v ?? '');
    return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
  };
  return new Blob(['\ufeff' + rows.map((r) => r.map(cell).join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
}

/** Save a file made here or fetched from the API (with the token in the header, never in the URL) under its name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
