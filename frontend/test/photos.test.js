// node --test frontend/test: photos go as multipart, and only this server's photo paths are trusted.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const sent = [];
globalThis.fetch = async (url, init) => {
  sent.push({ url, init });
  return new Response('{"id": 7, "url": "/api/photos/7", "thumbnailUrl": "/api/photos/7/thumbnail"}',
    { status: 201, headers: { 'Content-Type': 'application/json' } });
};

const { addPhoto, isPhotoPath } = await import('../js/api/photos.js');

test('a photo is posted as the multipart field "file", without a JSON content type', async () => {
  const photo = await addPhoto(12, new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_1.jpg', { type: 'image/jpeg' }));
  assert.equal(photo.id, 7);
  const { url, init } = sent[0];
  assert.equal(url, '/api/cameras/12/photos');
  assert.equal(init.method, 'POST');
  assert.ok(init.body instanceof FormData);
  assert.equal(init.body.get('file').name, 'IMG_1.jpg');
  assert.equal(init.headers['Content-Type'], undefined, 'the browser sets the multipart boundary');
});

test('only photo paths of this server are put in the page', () => {
  assert.ok(isPhotoPath('/api/photos/7'));
  assert.ok(isPhotoPath('/api/photos/7/thumbnail'));
  for (const url of ['https://tracker.example/p.jpg', '//evil.example/api/photos/7', '/api/photos/7?x', 'javascript:alert(1)', null]) {
    assert.equal(isPhotoPath(url), false, String(url));
  }
});
