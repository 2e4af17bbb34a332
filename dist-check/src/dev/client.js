/**
 * The script the dev server adds to every page it serves (never to built files): it listens
 * to the server's events, reloads the page after a rebuild, and shows the build's errors in
 * an overlay until the next good save. Plain DOM (textContent only: messages quote posts,
 * which are untrusted); styles set through the CSSOM, which the pages' CSP allows.
 */
export const devClientScript = String.raw `(() => {
  const id = 'gazette-dev-overlay';
  const source = new EventSource('/__gazette/events');
  // Marks the page as listening (for people and tests to see).
  source.addEventListener('open', () => { document.documentElement.dataset.gazetteDev = 'connected'; });
  source.addEventListener('reload', () => location.reload());
  source.addEventListener('problems', (event) => {
    const problems = JSON.parse(event.data);
    document.getElementById(id)?.remove();
    if (problems.length === 0) return;
    const box = document.createElement('div');
    box.id = id;
    box.setAttribute('role', 'alert');
    Object.assign(box.style, {
      position: 'fixed', left: '0', right: '0', top: '0', maxHeight: '60vh', overflow: 'auto', zIndex: '2147483647',
      background: '#2b0b0b', color: '#fff', font: '14px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace',
      padding: '1rem 1.5rem', borderBottom: '4px solid #e5484d', boxShadow: '0 4px 24px rgba(0,0,0,.4)',
    });
    const title = document.createElement('strong');
    title.textContent = 'gazette: ' + problems.length + (problems.length === 1 ? ' error' : ' errors') + ' (the page shows the last good build)';
    box.append(title);
    for (const problem of problems) {
      const line = document.createElement('pre');
      Object.assign(line.style, { margin: '.5rem 0 0', whiteSpace: 'pre-wrap' });
      const place = problem.source ? problem.source + (problem.line ? ':' + problem.line : '') + ': ' : '';
      line.textContent = place + problem.message;
      box.append(line);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    Object.assign(close.style, { position: 'absolute', top: '.75rem', right: '1rem' });
    close.addEventListener('click', () => box.remove());
    box.append(close);
    document.body.append(box);
  });
})();
`;
//# sourceMappingURL=client.js.map