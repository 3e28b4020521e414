import { createRoot } from 'react-dom/client';

// The baseline for the LCP comparison: a React page that does nothing but show a heading and a sentence.
createRoot(document.getElementById('root')!).render(
  <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
    <h1>落实</h1>
    <p>一个什么也不做的页面，用来和总览页比较首屏速度。</p>
  </main>,
);
