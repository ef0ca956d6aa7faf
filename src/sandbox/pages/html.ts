/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A minimal accessible page around some body HTML (already escaped). */
export function renderPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}label,button,select,input{display:block;margin:.5rem 0}.error{color:#b00020}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** Formats cents as an amount with its currency, e.g. `10.00 USD`. */
export function formatMoney(cents: number | null, currency: string): string {
  return `${((cents ?? 0) / 100).toFixed(2)} ${currency.toUpperCase()}`;
}
