// The starting point of `npm create vite` (react-ts), without its images: what "a bare Vite + React app" means
// in the bench's first-paint comparison.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import './style.css'

function App() {
  const [count, setCount] = useState(0)
  return (
    <main>
      <h1>Vite + React</h1>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        count is {count}
      </button>
      <p>
        Edit <code>main.tsx</code> and save to test HMR
      </p>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
