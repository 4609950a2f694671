/**
 * An uploaded file's bytes as base64, for the import's JSON body. The file is never read as text
 * here: a browser decodes text as UTF-8, which turns Excel's Windows-1252 å, ä and ö into �; the
 * server finds the encoding (and the format: CSV, .xlsx or JSON) from the bytes.
 */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // in chunks: String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
