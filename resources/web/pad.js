/* Rakor Desktop: a signature drawn with a finger on a canvas (pointer events; touch and
 * mouse events on browsers without them). Rakor.signaturePad(canvas) gives
 * {clear(), empty(), png()} where png() is the PNG in base64 (without the data: prefix). */
(function () {
  "use strict";
  var R = window.Rakor;

  R.signaturePad = function (canvas) {
    var context = canvas.getContext("2d");
    var drawing = false;
    var last = null;
    var ink = 0; /* length drawn, in CSS pixels */
    var scale = 1;

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
    }

    function point(x, y) {
      var box = canvas.getBoundingClientRect();
      return { x: x - box.left, y: y - box.top };
    }

    function begin(x, y) {
      size();
      drawing = true;
      last = point(x, y);
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
      },
      empty: function () { return ink < 20; },
      png: function () {
        var url = canvas.toDataURL("image/png");
        return url.substring(url.indexOf(",") + 1);
      },
      resize: size
    };
  };
})();
