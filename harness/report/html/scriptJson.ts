/**
 * JSON that can sit inside <script type="application/json"> whatever the strings hold:
 * every `<` becomes \u003c, so no `</script>` or `<!--` can end or bend the block, and
 * U+2028/U+2029 are escaped too. JSON.parse gives back the exact same value.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
