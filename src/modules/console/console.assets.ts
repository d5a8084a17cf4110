/**
 * The console's stylesheet and icon, kept in code so that the production build (tsc output only)
 * serves them too; both are sent as files of their own, so the CSP needs no inline styles.
 */
export const CONSOLE_CSS = `
:root { --ink: #1d1d1f; --muted: #55585e; --line: #d5d8dd; --bg: #f6f7f9; --brand: #0b5cad; --bad: #a4161a; --ok: #1b6b34; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, "Apple SD Gothic Neo", "Noto Sans KR", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--brand); }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 6px 10px; z-index: 10; }
header { background: #fff; border-bottom: 1px solid var(--line); padding: 8px 16px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
header .brand { font-weight: 700; margin-right: 8px; }
header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
header nav a { text-decoration: none; padding: 4px 2px; }
header nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid var(--brand); }
header .who { margin-left: auto; display: flex; gap: 8px; align-items: center; color: var(--muted); }
main { padding: 16px; max-width: 1200px; }
h1 { font-size: 1.4rem; margin: 8px 0 16px; }
h2 { font-size: 1.1rem; margin: 24px 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.card .n { font-size: 1.8rem; font-weight: 700; display: block; }
.table-wrap { overflow-x: auto; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef0f3; white-space: nowrap; }
td.mono, .mono { font-family: ui-monospace, monospace; font-size: 0.85rem; word-break: break-all; }
form.inline { display: inline-flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 2px 0; }
form.stack { display: grid; gap: 8px; max-width: 520px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; margin-bottom: 12px; }
label { display: grid; gap: 2px; font-size: 0.9rem; color: var(--muted); }
label.check { display: flex; gap: 6px; align-items: center; }
input, select, textarea, button { font: inherit; color: var(--ink); }
input[type="text"], input[type="search"], select, textarea { padding: 5px 8px; border: 1px solid #8a8f98; border-radius: 6px; background: #fff; min-width: 0; }
button { padding: 5px 12px; border: 1px solid var(--brand); background: var(--brand); color: #fff; border-radius: 6px; cursor: pointer; }
a.button { display: inline-block; padding: 8px 16px; background: #fee500; color: #191919; border-radius: 6px; text-decoration: none; font-weight: 600; }
button.secondary { background: #fff; color: var(--brand); }
button.danger { background: var(--bad); border-color: var(--bad); }
.notice { background: #e6f4ea; color: var(--ok); border: 1px solid #b7dfc2; padding: 8px 12px; border-radius: 6px; margin-bottom: 12px; }
.error { background: #fdecea; color: var(--bad); border: 1px solid #f3b8b4; padding: 8px 12px; border-radius: 6px; margin-bottom: 12px; }
.pager { display: flex; gap: 12px; align-items: center; margin: 12px 0; }
.muted { color: var(--muted); }
.bad { color: var(--bad); }
img.thumb { display: block; max-width: 120px; height: auto; border-radius: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; word-break: break-word; }
.login { max-width: 420px; margin: 48px auto; }
.login ul { list-style: none; padding: 0; display: grid; gap: 8px; }
@media (max-width: 600px) {
  header .who { margin-left: 0; }
  main { padding: 10px; }
  dl.facts { grid-template-columns: 1fr; }
}
`

export const CONSOLE_FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">쉿</text></svg>`
