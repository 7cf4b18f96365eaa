/* Cửa Số: a small QR code encoder (ISO/IEC 18004), so a referral QR works with no network.
   Byte mode (UTF-8), error correction level M, versions 1 to 10 (up to 213 bytes).
   cuasoQR.svg(text) -> SVG markup, or null when the text is too long. */
(function () {
  "use strict";
  var ECC = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]; // codewords per block, level M
  var BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];

  function rawModules(v) {
    var r = (16 * v + 128) * v + 64;
    if (v >= 2) {
      var n = Math.floor(v / 7) + 2;
      r -= (25 * n - 10) * n - 55;
      if (v >= 7) r -= 36;
    }
    return r;
  }

  function mul(x, y) { // GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function divisor(degree) {
    var r = [], root = 1, i, j;
    for (i = 0; i < degree - 1; i++) r.push(0);
    r.push(1);
    for (i = 0; i < degree; i++) {
      for (j = 0; j < r.length; j++) {
        r[j] = mul(r[j], root);
        if (j + 1 < r.length) r[j] ^= r[j + 1];
      }
      root = mul(root, 2);
    }
    return r;
  }

  function remainder(data, div) {
    var r = div.map(function () { return 0; });
    data.forEach(function (b) {
      var f = b ^ r.shift();
      r.push(0);
      div.forEach(function (c, i) { r[i] ^= mul(c, f); });
    });
    return r;
  }

  function codewords(bytes) {
    var v, cap;
    for (v = 1; v <= 10; v++) {
      cap = Math.floor(rawModules(v) / 8) - ECC[v] * BLOCKS[v];
      if (4 + (v < 10 ? 8 : 16) + bytes.length * 8 <= cap * 8) break;
    }
    if (v > 10) return null;
    var bits = [];
    function put(val, len) { for (var i = len - 1; i >= 0; i--) bits.push((val >>> i) & 1); }
    put(4, 4);
    put(bytes.length, v < 10 ? 8 : 16);
    bytes.forEach(function (b) { put(b, 8); });
    put(0, Math.min(4, cap * 8 - bits.length));
    put(0, (8 - (bits.length % 8)) % 8);
    var data = [], i;
    for (i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));
    for (i = 0; data.length < cap; i++) data.push(i % 2 ? 0x11 : 0xec);
    // Split into blocks, add error correction, interleave.
    var nb = BLOCKS[v], el = ECC[v], raw = Math.floor(rawModules(v) / 8);
    var short = nb - (raw % nb), shortLen = Math.floor(raw / nb), div = divisor(el), blocks = [], k = 0;
    for (i = 0; i < nb; i++) {
      var d = data.slice(k, k + shortLen - el + (i < short ? 0 : 1));
      k += d.length;
      var e = remainder(d, div);
      if (i < short) d.push(0);
      blocks.push(d.concat(e));
    }
    var out = [];
    for (i = 0; i < blocks[0].length; i++) {
      for (var j = 0; j < nb; j++) if (i !== shortLen - el || j >= short) out.push(blocks[j][i]);
    }
    return { version: v, data: out };
  }

  var MASKS = [
    function (x, y) { return (x + y) % 2 === 0; },
    function (x, y) { return y % 2 === 0; },
    function (x) { return x % 3 === 0; },
    function (x, y) { return (x + y) % 3 === 0; },
    function (x, y) { return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0; },
    function (x, y) { return ((x * y) % 2) + ((x * y) % 3) === 0; },
    function (x, y) { return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0; },
    function (x, y) { return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0; },
  ];

  function matrix(cw, mask) {
    var v = cw.version, n = v * 4 + 17, m = [], f = [], i, j;
    for (i = 0; i < n * n; i++) { m.push(false); f.push(false); }
    function set(x, y, dark) { m[y * n + x] = !!dark; f[y * n + x] = true; }
    for (i = 0; i < n; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
    [[3, 3], [n - 4, 3], [3, n - 4]].forEach(function (c) {
      for (var dy = -4; dy <= 4; dy++) for (var dx = -4; dx <= 4; dx++) {
        var d = Math.max(Math.abs(dx), Math.abs(dy)), x = c[0] + dx, y = c[1] + dy;
        if (x >= 0 && x < n && y >= 0 && y < n) set(x, y, d !== 2 && d !== 4);
      }
    });
    if (v > 1) {
      var count = Math.floor(v / 7) + 2, step = Math.ceil((v * 4 + 4) / (count * 2 - 2)) * 2, pos = [6];
      for (var p = n - 7; pos.length < count; p -= step) pos.splice(1, 0, p);
      pos.forEach(function (ay, a) {
        pos.forEach(function (ax, b) {
          if ((a === 0 && b === 0) || (a === 0 && b === count - 1) || (a === count - 1 && b === 0)) return;
          for (var dy = -2; dy <= 2; dy++) for (var dx = -2; dx <= 2; dx++) {
            set(ax + dx, ay + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
          }
        });
      });
    }
    // Format information (level M = 00) and, from version 7, version information.
    var fmt = mask, r = fmt;
    for (i = 0; i < 10; i++) r = (r << 1) ^ ((r >>> 9) * 0x537);
    var bits = ((fmt << 10) | r) ^ 0x5412;
    function bit(val, k) { return (val >>> k) & 1; }
    for (i = 0; i <= 5; i++) set(8, i, bit(bits, i));
    set(8, 7, bit(bits, 6));
    set(8, 8, bit(bits, 7));
    set(7, 8, bit(bits, 8));
    for (i = 9; i < 15; i++) set(14 - i, 8, bit(bits, i));
    for (i = 0; i < 8; i++) set(n - 1 - i, 8, bit(bits, i));
    for (i = 8; i < 15; i++) set(8, n - 15 + i, bit(bits, i));
    set(8, n - 8, true);
    if (v >= 7) {
      r = v;
      for (i = 0; i < 12; i++) r = (r << 1) ^ ((r >>> 11) * 0x1f25);
      var vb = (v << 12) | r;
      for (i = 0; i < 18; i++) {
        set(n - 11 + (i % 3), Math.floor(i / 3), bit(vb, i));
        set(Math.floor(i / 3), n - 11 + (i % 3), bit(vb, i));
      }
    }
    // Data in the zigzag order, masked.
    var k = 0, total = cw.data.length * 8;
    for (var right = n - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < n; vert++) for (j = 0; j < 2; j++) {
        var x = right - j, y = ((right + 1) & 2) === 0 ? n - 1 - vert : vert;
        if (!f[y * n + x]) {
          var dark = k < total && bit(cw.data[k >>> 3], 7 - (k & 7)) === 1;
          k++;
          m[y * n + x] = dark !== MASKS[mask](x, y);
        }
      }
    }
    return { size: n, dark: m };
  }

  function penalty(q) { // runs of five or more, 2x2 blocks, dark/light balance
    var n = q.size, m = q.dark, s = 0, dark = 0, x, y;
    for (var t = 0; t < 2; t++) {
      for (y = 0; y < n; y++) {
        var run = 1;
        for (x = 1; x <= n; x++) {
          var a = t ? m[x * n + y] : m[y * n + x], b = t ? m[(x - 1) * n + y] : m[y * n + x - 1];
          if (x < n && a === b) run++;
          else { if (run >= 5) s += run - 2; run = 1; }
        }
      }
    }
    for (y = 0; y < n; y++) for (x = 0; x < n; x++) {
      if (m[y * n + x]) dark++;
      if (x < n - 1 && y < n - 1) {
        var c = m[y * n + x];
        if (c === m[y * n + x + 1] && c === m[(y + 1) * n + x] && c === m[(y + 1) * n + x + 1]) s += 3;
      }
    }
    return s + Math.floor(Math.abs(dark * 20 - n * n * 10) / (n * n)) * 10;
  }

  function encode(text) {
    var cw = codewords(Array.from(new TextEncoder().encode(text)));
    if (!cw) return null;
    var best = null, bestScore = Infinity;
    for (var mask = 0; mask < 8; mask++) {
      var q = matrix(cw, mask), score = penalty(q);
      if (score < bestScore) { best = q; bestScore = score; }
    }
    return best;
  }

  function svg(text) {
    var q = encode(text);
    if (!q) return null;
    var n = q.size, w = n + 8, d = "";
    for (var y = 0; y < n; y++) for (var x = 0; x < n; x++) {
      if (q.dark[y * n + x]) d += "M" + (x + 4) + " " + (y + 4) + "h1v1h-1z";
    }
    return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ' + w + " " + w +
      '" shape-rendering="crispEdges" role="img"><rect width="' + w + '" height="' + w +
      '" fill="#fff"/><path d="' + d + '" fill="#000"/></svg>';
  }

  window.cuasoQR = { encode: encode, svg: svg };
})();
