// The places map: Leaflet (from the npm registry, see package.json), country outlines from the
// world-atlas package (so the map works offline), circle markers sized by article count.
// A tile layer is added only when the server is configured with one (MARSAD_TILE_URL).
(function () {
  "use strict";
  var el = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!el || typeof L === "undefined") {
    if (status) status.textContent = "تعذر تحميل مكتبة الخريطة.";
    return;
  }
  function say(text) { if (status) status.textContent = text; }

  var map = L.map(el, { worldCopyJump: true, minZoom: 1 }).setView([28, 38], 3);
  var tileUrl = el.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: el.dataset.tileAttribution || "" }).addTo(map);
  }

  var outlines = el.dataset.outlines
    ? fetch(el.dataset.outlines).then(function (r) {
        if (!r.ok) throw new Error("outlines " + r.status);
        return r.json();
      }).then(function (topo) {
        var countries = topojson.feature(topo, topo.objects.countries);
        countries.features.forEach(function (f) { unwrapGeometry(f.geometry); });
        L.geoJSON(countries, {
          style: { color: "#8a8f98", weight: 0.7, fillColor: "#eef0f2", fillOpacity: tileUrl ? 0.15 : 1 },
          interactive: false
        }).addTo(map);
        el.dataset.outlinesLoaded = String(countries.features.length);
      })
    : Promise.resolve();

  // Rings that cross the antimeridian jump from +180 to -180 (Chukotka, Fiji); Leaflet would draw
  // that jump as a line around the world. Keep each ring continuous by shifting longitudes by 360.
  function unwrapRing(ring) {
    for (var i = 1; i < ring.length; i++) {
      var d = ring[i][0] - ring[i - 1][0];
      if (d > 180) ring[i][0] -= 360;
      else if (d < -180) ring[i][0] += 360;
    }
  }
  function unwrapGeometry(g) {
    if (!g) return;
    if (g.type === "Polygon") g.coordinates.forEach(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates.forEach(function (poly) { poly.forEach(unwrapRing); });
  }

  function link(text, href) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;  // textContent: place names are data, never markup
    return a;
  }

  var places = fetch(el.dataset.places, { headers: { Accept: "application/json" } })
    .then(function (r) {
      if (!r.ok) throw new Error("places " + r.status);
      return r.json();
    });

  Promise.all([places, outlines.catch(function () { return null; })]).then(function (results) {
    var data = results[0];
    var maxCount = 1;
    data.features.forEach(function (f) { maxCount = Math.max(maxCount, f.properties.article_count); });
    var markers = [];
    data.features.forEach(function (f) {
      var p = f.properties;
      var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
      var radius = 4 + 14 * Math.sqrt(p.article_count / maxCount);
      var marker = L.circleMarker(ll, {
        radius: radius, color: "#9c2f1d", weight: 1.5, fillColor: "#d9534f", fillOpacity: 0.55,
        className: "place-marker"
      });
      var box = document.createElement("div");
      box.dir = "rtl";
      box.className = "popup";
      var title = document.createElement("strong");
      title.textContent = p.name + (p.country_code ? " (" + p.country_code + ")" : "");
      box.appendChild(title);
      box.appendChild(document.createElement("br"));
      box.appendChild(document.createTextNode(p.article_count + " مقالا، " + p.mention_count + " إشارة"));
      box.appendChild(document.createElement("br"));
      box.appendChild(link("المقالات", "/?place=" + encodeURIComponent(p.name)));
      marker.bindPopup(box);
      marker.bindTooltip(p.name, { direction: "top" });
      marker.addTo(map);
      markers.push(marker);
    });
    if (markers.length) {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6, animate: false });
    }
    el.dataset.markers = String(markers.length);
    say(markers.length ? markers.length + " مكانا على الخريطة." : "لا أماكن لعرضها بعد.");
    // The vector layers redraw on the next frame after the view changed; "ready" means drawn.
    requestAnimationFrame(function () { requestAnimationFrame(function () { el.classList.add("ready"); }); });
  }).catch(function (err) {
    say("تعذر تحميل الأماكن: " + err.message);
    el.classList.add("failed");
  });
})();
