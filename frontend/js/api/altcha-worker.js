// Solves a registration challenge (ALTCHA) off the page's thread, while the volunteer types: finds
// the number n such that SHA-256(salt + n), in hex, is the challenge. Posts {number} or {error}.
self.onmessage = async (event) => {
  const { challenge, salt, maxnumber } = event.data;
  try {
    const encoder = new TextEncoder();
    for (let n = 0; n <= maxnumber; n += 1) {
      const digest = await crypto.subtle.digest('SHA-256', encoder.encode(salt + n));
      if (hex(digest) === challenge) {
        self.postMessage({ number: n });
        return;
      }
    }
    self.postMessage({ error: 'no number solves the challenge' });
  } catch (e) {
    self.postMessage({ error: String(e && e.message || e) });
  }
};

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}
