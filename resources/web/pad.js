/* Rakor Desktop: a signature drawn with a finger on a canvas (pointer events; touch and
 * mouse events on browsers without them). Rakor.signaturePad(canvas) gives
 * {clear(), empty(), png()} where png() is the PNG in base64 (without the data: prefix):
 * ink on white, cropped to the signature with a margin, like a desk's signature pad. */
(function () {
  "use strict";
  var R = window.Rakor;

  R.signaturePad = function (canvas) {
    var context = canvas.getContext("2d");
    var drawing = false;
    var last = null;
    var ink = 0; /* length drawn, in CSS pixels */
    var scale = 1;
    var box = null; /* what was drawn: {left, top, right, bottom} in CSS pixels */
    var MARGIN = 12;

    function grow(p) {
      if (!box) { box = { left: p.x, top: p.y, right: p.x, bottom: p.y }; return; }
      box.left = Math.min(box.left, p.x);
      box.top = Math.min(box.top, p.y);
      box.right = Math.max(box.right, p.x);
      box.bottom = Math.max(box.bottom, p.y);
    }

    function size() {
      var ratio = Math.min(window.devicePixelRatio || 1, 2);
      var width = canvas.clientWidth || 300;
      var height = canvas.clientHeight || 220;
      if (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(height * ratio)) {
        return;
      }
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      scale = ratio;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.lineWidth = 2.6;
      context.lineCap = "round";
      context.lineJoin = "round";
      context.strokeStyle = "#0d1b5e";
      ink = 0;
      box = null;
    }

    function point(x, y) {
      var box = canvas.getBoundingClientRect();
      return { x: x - box.left, y: y - box.top };
    }

    function begin(x, y) {
      size();
      drawing = true;
      last = point(x, y);
      grow(last);
      context.beginPath();
      context.arc(last.x, last.y, 1.2, 0, 2 * Math.PI);
      context.fillStyle = context.strokeStyle;
      context.fill();
      ink += 1;
    }

    function move(x, y) {
      if (!drawing) { return; }
      var next = point(x, y);
      context.beginPath();
      context.moveTo(last.x, last.y);
      context.lineTo(next.x, next.y);
      context.stroke();
      ink += Math.sqrt((next.x - last.x) * (next.x - last.x) + (next.y - last.y) * (next.y - last.y));
      grow(next);
      last = next;
    }

    function end() { drawing = false; }

    if (window.PointerEvent) {
      canvas.addEventListener("pointerdown", function (e) {
        e.preventDefault();
        if (canvas.setPointerCapture) { canvas.setPointerCapture(e.pointerId); }
        begin(e.clientX, e.clientY);
      });
      canvas.addEventListener("pointermove", function (e) { e.preventDefault(); move(e.clientX, e.clientY); });
      canvas.addEventListener("pointerup", end);
      canvas.addEventListener("pointercancel", end);
    } else {
      canvas.addEventListener("touchstart", function (e) {
        e.preventDefault();
        begin(e.touches[0].clientX, e.touches[0].clientY);
      });
      canvas.addEventListener("touchmove", function (e) {
        e.preventDefault();
        move(e.touches[0].clientX, e.touches[0].clientY);
      });
      canvas.addEventListener("touchend", end);
      canvas.addEventListener("mousedown", function (e) { begin(e.clientX, e.clientY); });
      canvas.addEventListener("mousemove", function (e) { move(e.clientX, e.clientY); });
      window.addEventListener("mouseup", end);
    }

    return {
      clear: function () {
        size();
        context.clearRect(0, 0, canvas.width / scale, canvas.height / scale);
        ink = 0;
        box = null;
      },
      empty: function () { return ink < 20; },
      png: function () {
        var left = 0, top = 0, width = canvas.width, height = canvas.height;
        if (box) {
          left = Math.max(0, Math.floor((box.left - MARGIN) * scale));
          top = Math.max(0, Math.floor((box.top - MARGIN) * scale));
          width = Math.min(canvas.width, Math.ceil((box.right + MARGIN) * scale)) - left;
          height = Math.min(canvas.height, Math.ceil((box.bottom + MARGIN) * scale)) - top;
        }
        var out = document.createElement("canvas");
        out.width = Math.max(1, width);
        out.height = Math.max(1, height);
        var paper = out.getContext("2d");
        paper.fillStyle = "#ffffff";
        paper.fillRect(0, 0, out.width, out.height);
        paper.drawImage(canvas, left, top, out.width, out.height, 0, 0, out.width, out.height);
        var url = out.toDataURL("image/png");
        return url.substring(url.indexOf(",") + 1);
      },
      resize: size
    };
  };
})();
