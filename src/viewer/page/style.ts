/** The viewer page's CSS: a light, quiet layout (sidebar, header, three columns) with status colours. */
export const STYLE = String.raw`
:root{
  --bg:#f4f5f7;--panel:#fff;--line:#e3e6ea;--line-soft:#eef0f3;--text:#1d2330;--muted:#667085;--faint:#98a2b3;
  --accent:#4f46e5;--accent-soft:#eef0ff;--good:#137a3f;--good-soft:#e6f5ec;--bad:#c0262d;--bad-soft:#fdecec;
  --warn:#a15c00;--warn-soft:#fff4e0;--info:#1d5fd1;--info-soft:#e8f0fe;--human:#7a3fd1;--human-soft:#f3ecff;
  --mono:ui-monospace,"SF Mono",Menlo,Consolas,"DejaVu Sans Mono","Liberation Mono",monospace;
}
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column;background:var(--bg);color:var(--text);
  font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans","DejaVu Sans",sans-serif;-webkit-font-smoothing:antialiased}
button,input,select,textarea{font:inherit;color:inherit}
button{cursor:pointer}
h1,h2,h3,p{margin:0}
.hidden{display:none!important}

/* top bar */
.top{flex:none;height:46px;display:flex;align-items:center;gap:14px;padding:0 16px;background:#161b26;color:#eef1f6}
.brand{display:flex;align-items:center;gap:8px;font-weight:650;font-size:15px;letter-spacing:.2px}
.brand svg{display:block}
.brand small{font-weight:400;color:#98a2b3;font-size:13px}
.top .run{color:#b8c0cc;font-size:12.5px}
.top .spacer{flex:1}
.alert{display:none;align-items:center;gap:6px;border:0;border-radius:999px;padding:4px 12px;background:#ffb020;color:#2b1d00;font-weight:600;font-size:12px}
.alert.on{display:inline-flex}
.conn{display:flex;align-items:center;gap:6px;font-size:12px;color:#b8c0cc}
.conn i{width:8px;height:8px;border-radius:50%;background:#7d8696}
.conn.live i{background:#34d27b;box-shadow:0 0 0 3px rgba(52,210,123,.18)}

.layout{flex:1;display:flex;min-height:0}

/* sidebar */
aside{flex:none;width:272px;display:flex;flex-direction:column;background:var(--panel);border-right:1px solid var(--line);min-height:0}
aside header{display:flex;align-items:baseline;justify-content:space-between;padding:14px 16px 8px}
aside h2{font-size:11px;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-weight:650}
aside header span{color:var(--faint);font-size:12px}
.rates{padding:0 12px 8px;display:flex;flex-direction:column;gap:4px}
.rates:empty{display:none}
.rate{font-size:11.5px;color:#475467;background:#f8f9fb;border:1px solid var(--line-soft);border-radius:8px;padding:6px 8px}
.rate b{display:block;font-size:12px;color:var(--text);margin-bottom:2px}
.rate .errors{color:var(--bad);font-weight:600}
.rate .ci{color:var(--faint)}
#episodes{flex:1;overflow:auto;padding:0 8px 12px}
.ep{display:flex;flex-direction:column;gap:3px;width:100%;text-align:left;border:1px solid transparent;background:none;border-radius:8px;padding:9px 10px;margin:1px 0}
.ep:hover{background:#f6f7f9}
.ep.selected{background:var(--accent-soft);border-color:#d5d8ff}
.ep-title{font-weight:600;font-size:13px;line-height:1.3;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow-wrap:anywhere}
.ep-meta{color:var(--muted);font-size:11.5px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.ep-badges{display:flex;flex-wrap:wrap;gap:4px;margin-top:3px}
.empty{color:var(--muted);padding:16px 10px;font-size:12.5px}

/* chips and badges */
.chip{display:inline-flex;align-items:center;gap:5px;border-radius:999px;padding:1px 8px;font-size:11px;font-weight:600;line-height:18px;white-space:nowrap;background:#eef0f3;color:#475467}
.chip i{width:6px;height:6px;border-radius:50%;background:currentColor}
.chip.running{background:var(--info-soft);color:var(--info)}
.chip.running i{animation:pulse 1.4s ease-in-out infinite}
.chip.paused,.chip.approval{background:var(--warn-soft);color:var(--warn)}
.chip.waiting{background:var(--human-soft);color:var(--human)}
.chip.good{background:var(--good-soft);color:var(--good)}
.chip.bad{background:var(--bad-soft);color:var(--bad)}
.chip.muted{background:#f0f1f4;color:#667085}
@keyframes pulse{50%{opacity:.25}}

/* main */
main{flex:1;min-width:0;display:flex;flex-direction:column;min-height:0}
.placeholder{margin:auto;text-align:center;color:var(--muted);max-width:420px;line-height:1.6}
.placeholder h2{color:var(--text);font-size:16px;margin-bottom:6px}
.ep-head{flex:none;display:flex;gap:16px;align-items:flex-start;padding:14px 20px 12px;background:var(--panel);border-bottom:1px solid var(--line)}
.ep-head .what{flex:1;min-width:0}
.ep-head h1{font-size:17px;font-weight:650;line-height:1.3;overflow-wrap:anywhere}
.ep-head .sub{margin-top:3px;color:var(--muted);font-size:12.5px;display:flex;flex-wrap:wrap;gap:4px 12px}
.ep-head .sub b{color:var(--text);font-weight:550}
.ep-head .instruction{margin-top:6px;color:#344054;font-size:13px;overflow-wrap:anywhere}
.ep-head .instruction::before{content:"Task  ";color:var(--faint);font-size:11px;text-transform:uppercase;letter-spacing:.06em;font-weight:650}
.ep-head .verdict{display:flex;flex-wrap:wrap;gap:6px;justify-content:flex-end;max-width:340px}
.ep-head .verdict .chip{font-size:12px;padding:3px 10px}

.ep-bar{flex:none;display:flex;align-items:center;gap:8px;padding:8px 20px;background:#fbfbfc;border-bottom:1px solid var(--line)}
.btn{display:inline-flex;align-items:center;gap:6px;border:1px solid #d0d5dd;background:#fff;border-radius:7px;padding:4px 11px;font-weight:550;font-size:12.5px;line-height:18px;box-shadow:0 1px 1px rgba(16,24,40,.04)}
.btn:hover:not(:disabled){background:#f6f7f9}
.btn:disabled{opacity:.45;cursor:default}
.btn.primary{background:var(--accent);border-color:var(--accent);color:#fff}
.btn.primary:hover:not(:disabled){background:#4338ca}
.btn.good{background:var(--good);border-color:var(--good);color:#fff}
.btn.good:hover:not(:disabled){background:#0f6634}
.btn.bad{background:#fff;border-color:#f1b4b6;color:var(--bad)}
.btn.bad:hover:not(:disabled){background:var(--bad-soft)}
.btn.icon{padding:4px 7px}
.btn svg{display:block}
.controls{display:flex;gap:6px;padding-right:10px;margin-right:4px;border-right:1px solid var(--line)}
.scrub{flex:1;display:flex;align-items:center;gap:8px;min-width:0}
.scrub input[type=range]{flex:1;accent-color:var(--accent);min-width:80px}
.scrub .at{min-width:92px;text-align:right;font-variant-numeric:tabular-nums;color:#344054;font-size:12.5px}
.follow.on{background:var(--info-soft);border-color:#b9cffb;color:var(--info)}

.ep-body{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) 380px}
.ep-body.has-phone{grid-template-columns:310px minmax(0,1fr) 380px}
.col{min-height:0;overflow:auto;padding:14px}
.col-phone{display:none;border-right:1px solid var(--line);background:#eceef2}
.has-phone .col-phone{display:block}
.col-center{display:flex;flex-direction:column;overflow:hidden;padding:0}
.col-side{border-left:1px solid var(--line)}
#actionables{flex:none;max-height:62%;overflow:auto;padding:14px 14px 0}
#actionables:empty{display:none}
.timeline-wrap{flex:1;min-height:0;overflow:auto;padding:14px}

.card{background:var(--panel);border:1px solid var(--line);border-radius:10px;margin-bottom:12px}
.card>h3{display:flex;align-items:center;gap:8px;font-size:11px;text-transform:uppercase;letter-spacing:.07em;color:var(--muted);font-weight:650;padding:10px 12px 8px}
.card>h3 .count{margin-left:auto;text-transform:none;letter-spacing:0;font-weight:500;color:var(--faint)}
.card .body{padding:0 12px 12px}
.note{color:var(--muted);font-size:12px}

/* phone */
.phone-shell{width:282px;margin:0 auto;padding:6px;border-radius:26px;background:#141821;box-shadow:0 10px 30px rgba(16,24,40,.18),inset 0 0 0 1px #2a3140}
.phone-view{position:relative;width:270px;height:600px;overflow:hidden;border-radius:20px;background:#000}
.phone-view iframe{position:absolute;left:0;top:0;width:360px;height:800px;border:0;transform:scale(.75);transform-origin:0 0;background:#fff}
.phone-cap{margin:10px auto 0;width:282px;text-align:center;font-size:12px;color:var(--muted)}
.phone-cap.tap{color:var(--human);font-weight:600}
.phone-shell.tappable{box-shadow:0 0 0 3px #b794f6,0 10px 30px rgba(16,24,40,.18)}

/* timeline */
.tl-step{display:grid;grid-template-columns:44px minmax(0,1fr);gap:10px;padding:8px 10px;border-radius:8px;cursor:pointer;border:1px solid transparent}
.tl-step+.tl-step{margin-top:2px}
.tl-step:hover{background:#f8f9fb}
.tl-step.current{background:var(--accent-soft);border-color:#d5d8ff}
.tl-step.violated{box-shadow:inset 3px 0 0 var(--bad)}
.tl-num{font-variant-numeric:tabular-nums;color:var(--faint);font-size:11.5px;font-weight:600;padding-top:2px;text-align:right}
.tl-step.current .tl-num{color:var(--accent)}
.tl-items{display:flex;flex-direction:column;gap:4px;min-width:0}
.tl{min-width:0;overflow-wrap:anywhere}
.tl.action{font-weight:550}
.tl.action .tool{font-family:var(--mono);font-size:12.5px;color:#3730a3;background:#eef0ff;border-radius:5px;padding:1px 6px;margin-right:6px}
.tl.action .verb{font-family:var(--mono);font-size:12.5px;border-radius:5px;padding:1px 6px;margin-right:6px;background:#eef0f3}
.tl.action .verb.finish{background:var(--good-soft);color:var(--good)}
.tl.action .verb.refuse,.tl.action .verb.ask{background:var(--warn-soft);color:var(--warn)}
.tl.action .args{font-family:var(--mono);font-size:12px;color:#475467;font-weight:400}
.tl.result,.tl.transition,.tl.start{color:#475467;font-size:12.5px}
.tl.read,.tl.event,.tl.process,.tl.judge{color:#475467;font-size:12.5px}
.tl.read .verb{font-family:var(--mono);font-size:11.5px;border-radius:5px;padding:1px 6px;margin-right:6px;background:#eef0f3}
.tl.process summary{cursor:pointer;font-family:var(--mono);font-size:11.5px}
.tl.judge.disagrees b{color:var(--warn)}
.tl.result summary{cursor:pointer;list-style:none;font-family:var(--mono);font-size:11.5px;color:#667085}
.tl.result summary::-webkit-details-marker{display:none}
.tl.result.has-injected summary{color:#b42318}
.tl .injected{border-left:3px solid #b42318;background:#fef3f2;padding:4px 8px;margin:4px 0;white-space:pre-wrap}
.tl.result summary::before{content:"→ ";color:var(--faint)}
.tl pre{margin:6px 0 0;max-height:260px;overflow:auto;background:#f8f9fb;border:1px solid var(--line-soft);border-radius:6px;padding:8px;font:11.5px/1.45 var(--mono);white-space:pre-wrap;overflow-wrap:anywhere}
.tl.error{color:var(--bad);font-size:12.5px}
.tl.error b{font-family:var(--mono);font-size:11.5px;background:var(--bad-soft);border-radius:4px;padding:0 5px;margin-right:6px}
.tl.error.rejected{color:var(--warn)}
.tl.error.rejected b{background:var(--warn-soft)}
.tl.approval{font-size:12.5px;color:var(--good)}
.tl.approval b{font-family:var(--mono);font-size:11.5px;background:var(--good-soft);border-radius:4px;padding:0 5px;margin-right:6px}
.tl.approval.rejected{color:var(--warn)}
.tl.approval.rejected b{background:var(--warn-soft)}
.tl.transition .paths{font-family:var(--mono);font-size:11.5px;color:var(--muted)}
.tl.message{font-style:italic;color:#344054;border-left:2px solid #d0d5dd;padding-left:8px}
.violation{display:block;background:var(--bad-soft);border:1px solid #f5c2c4;color:#8f1a20;border-radius:7px;padding:6px 9px;font-size:12.5px}
.violation strong{color:var(--bad)}
.tl.end{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-weight:600}
.tl.start .instruction{color:#344054}

/* predicates */
.pred{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;padding:7px 0;border-top:1px solid var(--line-soft)}
.pred:first-of-type{border-top:0}
.pred .id{font-family:var(--mono);font-size:12px;font-weight:600;overflow-wrap:anywhere}
.pred .state{justify-self:end}
.pred .desc{grid-column:1/-1;color:var(--muted);font-size:12px}
.pred-group{font-size:11px;font-weight:650;color:var(--faint);margin:6px 0 2px;text-transform:uppercase;letter-spacing:.06em}

/* machines */
.machine{margin-bottom:8px}
.machine .label{display:flex;gap:8px;align-items:baseline;font-size:12px;margin-bottom:4px}
.machine .label b{font-family:var(--mono)}
.machine .label span{color:var(--muted)}
.machine svg{display:block;width:100%;height:auto;background:#fafbfc;border:1px solid var(--line-soft);border-radius:8px}
.machine svg text{font:11.5px system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",sans-serif}
.m-node rect{fill:#fff;stroke:#c5cbd3;stroke-width:1.2}
.m-node text{fill:#344054;font-weight:600}
.m-node.active rect{fill:var(--accent);stroke:var(--accent)}
.m-node.active text{fill:#fff}
.m-node .loops{fill:var(--faint);font-weight:500;font-size:10.5px}
.m-node.active .loops{fill:var(--accent)}
.m-edge{fill:none;stroke:#b3bac5;stroke-width:1.2}
.m-edge.hot{stroke:#8b86f0}
.m-edge-label{fill:#667085;font-size:10px;paint-order:stroke;stroke:#fafbfc;stroke-width:3px}
.m-arrow{fill:#b3bac5}
.machine .everywhere{margin-top:5px;font-size:11.5px}

/* environment state */
.env{margin-bottom:10px}
.env-head{display:flex;gap:8px;align-items:baseline;margin-bottom:6px;font-size:12px}
.env-head b{font-family:var(--mono)}
.env-head span{color:var(--muted)}
.changes{margin:0 0 8px;padding:0;list-style:none;display:flex;flex-direction:column;gap:3px}
.changes li{font:11.5px/1.4 var(--mono);background:#fff8db;border:1px solid #f3e3a1;border-radius:5px;padding:3px 7px;overflow-wrap:anywhere}
.changes .from{color:var(--bad);text-decoration:line-through;text-decoration-color:rgba(192,38,45,.4)}
.changes .to{color:var(--good)}
.changes .path{font-weight:650;color:#344054}
.json{font:11.5px/1.55 var(--mono);background:#fafbfc;border:1px solid var(--line-soft);border-radius:8px;padding:6px 8px;overflow:auto;max-height:420px}
.json details>summary{cursor:pointer;list-style:none;border-radius:4px;padding:0 3px}
.json details>summary::-webkit-details-marker{display:none}
.json details>summary::before{content:"▸";display:inline-block;width:12px;color:var(--faint)}
.json details[open]>summary::before{content:"▾"}
.json .kids{padding-left:14px;border-left:1px dotted #d9dde3;margin-left:5px}
.json .row{padding:0 3px 0 15px;border-radius:4px;overflow-wrap:anywhere}
.json .k{color:#6941c6}
.json .s{color:#0b7a55}
.json .n{color:#1d5fd1}
.json .b{color:#b54708}
.json .z{color:var(--faint)}
.json .meta{color:var(--faint)}
.json .changed{background:#fff1b8}
.json .on-path>summary .k{text-decoration:underline;text-decoration-color:#e9c400;text-decoration-thickness:2px}

/* approvals and the human's turn */
.approval{border-color:#f5cf8a;background:#fffaf0}
.approval>h3{color:var(--warn)}
.call{font:12.5px/1.5 var(--mono);background:#fff;border:1px solid #f3e3c0;border-radius:7px;padding:7px 9px;margin-bottom:10px;overflow-wrap:anywhere}
.call b{color:#3730a3}
.row-actions{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.row-actions input[type=text]{flex:1;min-width:140px}
input[type=text],input[type=number],select,textarea{border:1px solid #d0d5dd;border-radius:7px;padding:5px 9px;background:#fff;font-size:12.5px}
input:focus,select:focus,textarea:focus{outline:2px solid #c7c9ff;border-color:var(--accent)}
textarea{resize:vertical;min-height:54px;width:100%}
.human{border-color:#d9c6fb;background:#fcfaff}
.human>h3{color:var(--human)}
.human .obs{margin-bottom:10px;display:flex;flex-direction:column;gap:4px}
.human .obs div{font:11.5px/1.45 var(--mono);background:#fff;border:1px solid #ebe3fa;border-radius:6px;padding:5px 8px;overflow-wrap:anywhere;max-height:90px;overflow:auto}
.human .obs div.err{color:var(--bad);border-color:#f5c2c4;background:#fffafa}
.human .tool-pick{display:flex;gap:8px;align-items:center;margin-bottom:6px}
.human .tool-pick select{flex:1;min-width:0}
.human .tool-desc{color:var(--muted);font-size:12px;margin-bottom:8px}
.fields{display:grid;grid-template-columns:minmax(90px,auto) minmax(0,1fr);gap:6px 10px;align-items:center;margin-bottom:8px}
.fields label{font-family:var(--mono);font-size:12px;color:#344054}
.fields label .req{color:var(--bad)}
.fields .hint{grid-column:2;color:var(--faint);font-size:11.5px;margin-top:-4px}
.fields input[type=text],.fields input[type=number],.fields select,.fields textarea{width:100%}
.sep{height:1px;background:#ebe3fa;margin:12px 0}
.ends{display:flex;flex-direction:column;gap:8px}
.ends .row-actions{justify-content:flex-end}
.status-line{color:var(--muted);font-size:12px}

.toast{position:fixed;right:16px;bottom:16px;max-width:420px;background:#2b1416;color:#ffe9ea;border-radius:8px;padding:10px 14px;font-size:12.5px;box-shadow:0 8px 24px rgba(0,0,0,.2);opacity:0;transform:translateY(8px);transition:.2s;pointer-events:none}
.toast.on{opacity:1;transform:none}
`;
