// Opened from disk (file://), a link to a folder shows the folder's listing instead of its
// index.html: point those links at the file. Over http(s) it does nothing. A classic
// script, not a module: Chromium loads no module from file://.
if (location.protocol === 'file:') {
  for (const link of document.querySelectorAll('a[href]')) {
    const url = new URL(link.href);
    if (url.protocol === 'file:' && url.pathname.endsWith('/')) {
      url.pathname += 'index.html';
      link.href = url.href;
    }
  }
}
