// The iframe host page records the embed's messages and sizes the frame to the reported height.
window.messages = [];
addEventListener('message', (e) => {
  window.messages.push(e.data);
  if (e.data && e.data.type === 'dw:resize') document.querySelector('iframe').height = e.data.height;
});
