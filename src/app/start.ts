import './index.css'

/*
 * The page's only script. It starts the studio once index.html's static first screen has painted, so that paint
 * waits for no script, not even for its download: requestAnimationFrame runs just before the paint, the timeout
 * just after it. A page opened in the background paints nothing until shown, so a later timer starts it anyway.
 */
let started = false
function start() {
  if (started) return
  started = true
  import('./main').then(
    ({ startStudio }) => startStudio(),
    () => {
      document.getElementById('root')!.textContent =
        'The studio could not load. Check your connection and reload the page.'
    },
  )
}
requestAnimationFrame(() => setTimeout(start))
setTimeout(start, 1000)
