/** The shop's stylesheet, inline in every page (no external assets). Phone first: 375 px and up. */
export const STYLES = `
:root{--ink:#1d2a24;--muted:#5f6f66;--brand:#1f5f4a;--brand-2:#2f7d62;--accent:#c8752a;--bg:#f7f4ee;--card:#fff;--line:#e6dfd1;--ok:#1e7a46;--bad:#b3362c;--wait:#a86a06;--code:#f3efe6}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
a{color:var(--brand)}
h1,h2,h3,.wordmark{font-family:"Iowan Old Style","Palatino Linotype",Georgia,serif;font-weight:600;letter-spacing:.01em}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .4rem}
h2{font-size:1.3rem;margin:0 0 .6rem}
h3{font-size:1.05rem;margin:0 0 .4rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.ribbon{background:var(--brand);color:#f3ead6;font-size:.8rem;padding:.45rem 1rem;text-align:center}
.ribbon strong{color:#fff}
.chip{white-space:nowrap}
.ribbon.warn{background:#7a3e1d}
header.site{background:#fffdf8;border-bottom:1px solid var(--line)}
.bar{max-width:1080px;margin:0 auto;padding:.7rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem}
.brand{display:flex;align-items:center;gap:.55rem;text-decoration:none;color:var(--ink);margin-right:auto}
.wordmark{font-size:1.25rem}
.wordmark small{display:block;font:500 .68rem/1 system-ui,sans-serif;letter-spacing:.14em;color:var(--muted);text-transform:uppercase;margin-top:.2rem}
nav.site{display:flex;flex-wrap:wrap;gap:.1rem}
nav.site a{color:var(--muted);text-decoration:none;white-space:nowrap;padding:.35rem .55rem;border-radius:6px;font-size:.95rem}
nav.site a[aria-current=page]{color:var(--brand);background:#e8f1ec;font-weight:600}
main{max-width:1080px;margin:0 auto;padding:1.2rem 1rem 3rem}
footer.site{max-width:1080px;margin:0 auto;padding:0 1rem 2rem;color:var(--muted);font-size:.8rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:1.1rem;margin-bottom:1rem;box-shadow:0 1px 2px rgba(40,30,10,.04)}
.muted{color:var(--muted)}
.small{font-size:.85rem}
.eyebrow{text-transform:uppercase;letter-spacing:.14em;font-size:.72rem;color:var(--accent);font-weight:700}
.product{display:grid;gap:1.2rem}
.product-art{width:100%;height:auto;display:block;border-radius:14px}
.price{font-size:1.8rem;font-weight:700;margin:.3rem 0 0}
.price small{font-size:.85rem;color:var(--muted);font-weight:400;margin-left:.4rem}
ul.ticks{padding:0;list-style:none;margin:.8rem 0}
ul.ticks li{padding-left:1.5rem;position:relative;margin:.25rem 0}
ul.ticks li::before{content:"";position:absolute;left:.2rem;top:.55rem;width:.55rem;height:.3rem;border-left:2px solid var(--brand-2);border-bottom:2px solid var(--brand-2);transform:rotate(-45deg)}
form.stack{display:grid;gap:.75rem}
label{font-size:.85rem;font-weight:600;display:grid;gap:.3rem}
input,select,textarea{font:inherit;padding:.6rem .7rem;border:1px solid #cfc6b4;border-radius:8px;background:#fff;width:100%;min-width:0}
input:focus,select:focus,textarea:focus{outline:2px solid var(--brand-2);outline-offset:1px}
textarea.csv{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;min-height:8rem;resize:vertical}
.problems{margin:.4rem 0 0;padding-left:1.2rem}
p code,li code,dd code{overflow-wrap:anywhere}
.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .8rem;margin:.4rem 0}
.kv dt{color:var(--muted);font-size:.85rem}
.kv dd{margin:0;min-width:0;overflow-wrap:anywhere}
.row2{display:grid;gap:.75rem}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center}
button,.button{font:inherit;font-weight:600;border-radius:10px;padding:.7rem 1.1rem;border:1px solid transparent;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;justify-content:center;gap:.4rem}
.primary{background:var(--brand);color:#fff}
.primary:hover{background:#174a3a}
.secondary{background:#fff;color:var(--brand);border-color:var(--brand)}
.ghost{background:transparent;color:var(--muted);border-color:var(--line);padding:.35rem .7rem;font-size:.8rem;border-radius:8px}
button.block{width:100%}
button[disabled]{opacity:.6;cursor:progress}
.alert{border-radius:10px;padding:.7rem .9rem;margin:.6rem 0;font-size:.92rem}
.alert.bad{background:#fbeceb;color:#7d241d;border:1px solid #f0c8c4}
.field-error{display:block;color:#7d241d;font-size:.85rem;font-weight:400;margin-top:.2rem}
input[aria-invalid=true]{border-color:#c0392b}
.alert.info{background:#eef5f1;color:#1f4a3b;border:1px solid #cfe3d8}
.alert.warn{background:#fdf3e1;color:#6b4505;border:1px solid #f1dcb0}
.badge{display:inline-block;border-radius:999px;padding:.1rem .6rem;font-size:.75rem;font-weight:700;letter-spacing:.03em;white-space:nowrap}
.badge.ok{background:#e3f3e9;color:var(--ok)}
.badge.bad{background:#fbe7e5;color:var(--bad)}
.badge.wait{background:#fdf0d7;color:var(--wait)}
.badge.neutral{background:#eceae4;color:#4b5550}
.hero{text-align:center;padding:1.6rem 1.1rem}
.hero .icon{width:56px;height:56px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-size:1.7rem;color:#fff;margin-bottom:.4rem}
.hero.paid .icon{background:var(--ok)}
.hero.failed .icon{background:var(--bad)}
.hero.pending .icon,.hero.unpaid .icon{background:var(--wait)}
.hero.expired .icon{background:#6b7570}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.35rem 1rem;margin:0}
dl.facts dt{color:var(--muted);font-size:.88rem}
dl.facts dd{margin:0;overflow-wrap:anywhere;font-size:.92rem}
.table{width:100%;overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.5rem .45rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.75rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
td code{overflow-wrap:anywhere}
.event{text-align:left;min-width:0}
.event strong{overflow-wrap:anywhere}
pre.payload{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--code);padding:.6rem;border-radius:8px;max-height:22rem;overflow:auto}
.copyable pre.payload+.ghost{background:#fff}
.grid2{display:grid;gap:1rem}
.grid2>*,.product>*{min-width:0}
h1 code,td a code{overflow-wrap:anywhere}
.panel{background:#1c2420;color:#e8e4da;border-radius:14px;padding:1rem;margin:1rem 0}
.panel h2{color:#fff;font-size:1.15rem;margin:0}
.panel .head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between;margin-bottom:.5rem}
.panel p{color:#b9c2bb;font-size:.88rem;margin:.3rem 0}
.panel .ghost{color:#d8e6dd;border-color:#3a4a42}
.panel ol{list-style:none;padding:0;margin:0;counter-reset:step}
.step{border-top:1px solid #2f3a35;padding:.75rem 0;counter-increment:step}
.step-head{display:flex;flex-wrap:wrap;gap:.35rem .6rem;align-items:baseline}
.step-head::before{content:counter(step);background:#2f7d62;color:#fff;border-radius:50%;width:1.4rem;height:1.4rem;display:inline-flex;align-items:center;justify-content:center;font-size:.75rem;font-weight:700;flex:none}
.who{font-size:.7rem;text-transform:uppercase;letter-spacing:.1em;color:#e9c46a;font-weight:700}
.step-head code{color:#fff;overflow-wrap:anywhere;min-width:0}
.http{font-weight:700;border-radius:5px;padding:0 .35rem;font-size:.78rem}
.http.ok{background:#1e7a46;color:#fff}.http.bad{background:#b3362c;color:#fff}.http.none{background:#555;color:#fff}
.answers{display:inline-flex;flex-wrap:wrap;gap:.25rem}
.pager{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:baseline;margin-bottom:.6rem;font-size:.9rem}
.pager span{margin-right:auto;color:var(--muted)}
.panel details{margin:.35rem 0 0 1.9rem}
.panel summary{cursor:pointer;color:#cfd8d2;font-size:.85rem}
.panel pre{background:#121815;color:#e8e4da;border-radius:8px;padding:.7rem;white-space:pre-wrap;overflow-wrap:anywhere;margin:.4rem 0;max-height:26rem;overflow:auto}
.copyable{position:relative}
.copyable .ghost{position:absolute;top:.35rem;right:.35rem;background:#121815}
.qr{background:#fff;border-radius:12px;padding:.6rem;width:min(240px,100%);border:1px solid var(--line)}
.qr svg{display:block;width:100%;height:auto}
.url{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.url code{background:var(--code);padding:.4rem .55rem;border-radius:6px;overflow-wrap:anywhere;min-width:0;flex:1 1 12rem}
.spinner{width:1rem;height:1rem;border:2px solid rgba(255,255,255,.5);border-top-color:#fff;border-radius:50%;animation:spin .8s linear infinite;display:none}
.busy .spinner{display:inline-block}
@keyframes spin{to{transform:rotate(360deg)}}
@media (max-width:600px){
 table.cards thead{display:none}
 table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
 table.cards tr{border-bottom:1px solid var(--line);padding:.55rem 0}
 table.cards td{border:0;padding:.15rem 0;display:flex;gap:.9rem;justify-content:space-between;text-align:right;min-width:0}
 table.cards td>*{min-width:0}
 table.cards td::before{content:attr(data-label);color:var(--muted);font-size:.72rem;text-transform:uppercase;letter-spacing:.06em;text-align:left;flex:none;padding-top:.15rem}
}
@media (min-width:760px){
 .product{grid-template-columns:1.05fr 1fr;align-items:start}
 .row2{grid-template-columns:1fr 1fr}
 .grid2{grid-template-columns:1fr 1fr}
 h1{font-size:2.3rem}
 main{padding-top:2rem}
}
`;
