// Opened from disk (file://), a link to a folder shows the folder's listing instead of its
// index.html, and an extensionless link (`/:year/:month/:day/:title`, which web hosts such as
// GitHub Pages serve from `title.html`) names no file at all: point those links at the file.
// Over http(s) it does nothing. A classic script, not a module: Chromium loads no module
// from file://.
if (location.protocol === 'file:') {
  // Extensions of the files a site holds besides its pages; a last name with none of them
  // (`title`, or `v2.0-released`) is a page written as `name.html`.
  const files = /\.(html?|xhtml|xml|json|txt|css|m?js|map|svg|png|jpe?g|gif|webp|avif|ico|bmp|tiff?|woff2?|ttf|otf|eot|pdf|epub|zip|gz|mp3|mp4|m4a|m4v|webm|ogg|ogv|oga|wav|flac|mov|csv|md|rss|atom)$/i;
  for (const link of document.querySelectorAll('a[href]')) {
    const url = new URL(link.href);
    if (url.protocol !== 'file:') continue;
    if (url.pathname.endsWith('/')) url.pathname += 'index.html';
    else if (!files.test(url.pathname)) url.pathname += '.html';
    else continue;
    link.href = url.href;
  }
}
