// RFC 4180 CSV (the format skyshield writes, core/csv): quoted cells may hold commas, doubled quotes
// and line breaks. Returns one object per row, keyed by the header's names.
export function parseCsv(text) {
  const rows = [];
  let row = [], cur = '', quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cur += '"'; ++i; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cur); cur = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') ++i;
      row.push(cur); cur = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else cur += c;
  }
  if (cur !== '' || row.length) { row.push(cur); rows.push(row); }
  const [head, ...body] = rows.filter((r) => !(r.length === 1 && r[0].startsWith('#')));
  return head ? body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]]))) : [];
}
