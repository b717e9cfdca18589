// The cold-start baseline: the smallest interactive React page the same toolchain builds.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function Minimal() {
  const [count, setCount] = useState(0);
  return (
    <main>
      <h1>Minimal</h1>
      <button type="button" data-bench-ready onClick={() => setCount(count + 1)}>
        Clicked {count} times
      </button>
    </main>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <Minimal />
  </StrictMode>,
);
