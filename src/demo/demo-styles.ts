/** The demo page's style sheet: readable defaults, visible focus. */
export const DEMO_STYLES = `
:root { color-scheme: light; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; line-height: 1.5;
  color: #1a1a2e; background: #f7f7fb; }
h1 { margin-bottom: 0.25rem; }
section { background: #fff; border: 1px solid #d8d8e4; border-radius: 8px;
  padding: 1rem 1.25rem; margin: 1rem 0; }
label { display: block; margin-top: 0.5rem; font-weight: 600; }
input { font: inherit; padding: 0.35rem 0.5rem; width: 100%;
  max-width: 20rem; box-sizing: border-box; }
button { font: inherit; margin-top: 0.75rem; padding: 0.4rem 0.9rem;
  border-radius: 6px; border: 1px solid #3d3dbf; background: #4b4bd6;
  color: #fff; cursor: pointer; }
button:disabled { background: #9a9ab8; border-color: #9a9ab8;
  cursor: not-allowed; }
button:focus-visible, input:focus-visible { outline: 3px solid #f0a500;
  outline-offset: 2px; }
#sign-out { background: #fff; color: #3d3dbf; margin: 0 0 0 0.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
#status:empty { display: none; }
#status { padding: 0.5rem 0.75rem; background: #eef; border-radius: 6px; }
#cancel-notice { color: #8a4b00; font-weight: 600; }
#plan-list { list-style: none; padding: 0; display: grid; gap: 0.75rem;
  grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
#plan-list > li { border: 1px solid #d8d8e4; border-radius: 8px;
  padding: 0.75rem; }
#plan-list h3 { margin: 0; }
#plan-list ul { padding-left: 1.1rem; }
`;
