/* The technology radar of an edition, drawn in the page with d3-selection (vendor/d3-selection-3.0.0).
 *
 * Reads the edition from the page's json_script element "radar-data" (sectors = EDT areas, rings from
 * the centre outwards, numbered blips with movement, rationale and evidence) and the words to show from
 * the figure's data-label-* attributes (translated by the template). Replaces the server-drawn SVG,
 * which stays for readers without JavaScript. Each blip is a focusable button: click, Enter or Space
 * shows why it is on the radar and its evidence documents; ring buttons and the sector menu filter the
 * chart. No inline script, no eval, no inline event handler, no <style> element (d3-selection injects
 * none; every style is in radar.css, classes only): it runs under the site-wide Content-Security-Policy
 * (script-src 'self'; style-src 'self'). The table under the chart holds the same blips for printing
 * and screen readers.
 */
(function () {
  "use strict";

  var WIDTH = 980;   // room on both sides for the sectors' names
  var HEIGHT = 640;

  function polar(distance, angle) {
    return [WIDTH / 2 + distance * Math.cos(angle), HEIGHT / 2 + distance * Math.sin(angle)];
  }

  // A sector's name on at most two lines, split at the space nearest the middle.
  function lines(label) {
    if (label.length <= 16 || label.indexOf(" ") < 0) { return [label]; }
    var middle = label.length / 2;
    var best = -1;
    for (var i = 0; i < label.length; i += 1) {
      if (label[i] === " " && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) { best = i; }
    }
    return [label.slice(0, best), label.slice(best + 1)];
  }

  // Blips of one cell (sector x ring) spread over the cell so that none hides another.
  function place(data, radius) {
    var nSectors = data.sectors.length;
    var ringWidth = radius / data.rings.length;
    var sectorOf = {};
    var ringOf = {};
    data.sectors.forEach(function (s, i) { sectorOf[s.code] = i; });
    data.rings.forEach(function (r, i) { ringOf[r.key] = i; });
    var cells = {};
    data.blips.forEach(function (b) {
      var key = b.area + "|" + b.ring;
      (cells[key] = cells[key] || []).push(b);
    });
    Object.keys(cells).forEach(function (key) {
      var cell = cells[key];
      cell.forEach(function (b, i) {
        var s = sectorOf[b.area] !== undefined ? sectorOf[b.area] : 0;
        var r = ringOf[b.ring] !== undefined ? ringOf[b.ring] : data.rings.length - 1;
        var across = (i + 1) / (cell.length + 1);
        var angle = 2 * Math.PI * (s + 0.08 + 0.84 * across) / nSectors - Math.PI / 2;
        var low = r === 0 ? 0.4 : 0.2;  // the centre is crowded: keep blips off it
        var depth = cell.length > 1 ? low + (0.85 - low) * ((i * 0.618) % 1) : (low + 0.85) / 2;
        var xy = polar(ringWidth * (r + depth), angle);
        b.x = Math.round(xy[0] * 10) / 10;
        b.y = Math.round(xy[1] * 10) / 10;
        b.ringIndex = r;
      });
    });
  }

  function shape(b) {
    // Moved in: a triangle pointing to the centre's side (up); moved out: down; new: a ringed circle.
    if (b.movement === "in") { return "M0,-10L9,7L-9,7Z"; }
    if (b.movement === "out") { return "M0,10L9,-7L-9,-7Z"; }
    return null;
  }

  function draw() {
    var d3 = window.d3;
    var figure = document.getElementById("radar-chart");
    var source = document.getElementById("radar-data");
    if (!d3 || !figure || !source) { return; }
    var data = JSON.parse(source.textContent);
    var labels = figure.dataset;
    var radius = HEIGHT / 2 - 24;
    var ringWidth = radius / data.rings.length;
    var shownRings = {};
    var shownSector = "";
    data.rings.forEach(function (r) { shownRings[r.key] = true; });
    place(data, radius);

    var fig = d3.select(figure);
    fig.select(".radar-static").remove();

    // Controls: one toggle button per ring, one menu of sectors.
    var controls = fig.insert("div", ":first-child").attr("class", "radar-controls");
    var ringGroup = controls.append("div").attr("role", "group").attr("aria-label", labels.labelRings);
    ringGroup.append("span").attr("class", "small").text(labels.labelRings + " ");
    ringGroup.selectAll("button").data(data.rings).join("button")
      .attr("type", "button")
      .attr("class", function (r, i) { return "btn small secondary radar-ring-button ring-" + i; })
      .attr("aria-pressed", "true")
      .attr("data-ring", function (r) { return r.key; })
      .text(function (r) { return r.label; })
      .on("click", function (event, r) {
        shownRings[r.key] = !shownRings[r.key];
        d3.select(this).attr("aria-pressed", String(shownRings[r.key]));
        update();
      });
    var sectorLabel = controls.append("label").attr("class", "small");
    sectorLabel.append("span").text(labels.labelSectors + " ");
    var menu = sectorLabel.append("select").attr("class", "radar-sector-menu");
    menu.append("option").attr("value", "").text(labels.labelAll);
    menu.selectAll("option.sector").data(data.sectors).join("option")
      .attr("class", "sector")
      .attr("value", function (s) { return s.code; })
      .text(function (s) { return s.label; });
    menu.on("change", function () { shownSector = this.value; update(); });

    var svg = fig.insert("svg", ".radar-controls + *")
      .attr("class", "radar-interactive")
      .attr("viewBox", "0 0 " + WIDTH + " " + HEIGHT)
      .attr("width", "100%")
      .attr("role", "group")
      .attr("aria-label", labels.labelChart);

    // Rings, outermost first so the inner ones sit on top; each ring's name on the vertical axis.
    svg.append("g").attr("class", "radar-rings").selectAll("circle")
      .data(data.rings.map(function (r, i) { return i; }).reverse()).join("circle")
      .attr("cx", WIDTH / 2).attr("cy", HEIGHT / 2)
      .attr("r", function (i) { return ringWidth * (i + 1); })
      .attr("class", function (i) { return "radar-ring ring-" + i; });
    svg.append("g").attr("class", "radar-ring-names").attr("aria-hidden", "true")
      .selectAll("text").data(data.rings).join("text")
      .attr("x", WIDTH / 2 + 3)
      .attr("y", function (r, i) { return HEIGHT / 2 - ringWidth * i - 4; })
      .text(function (r) { return r.label; });

    // Sectors: one spoke and one name per EDT area.
    var nSectors = data.sectors.length;
    var sectors = svg.append("g").attr("class", "radar-sectors").attr("aria-hidden", "true")
      .selectAll("g").data(data.sectors).join("g").attr("class", "radar-sector");
    sectors.append("line")
      .attr("x1", WIDTH / 2).attr("y1", HEIGHT / 2)
      .attr("x2", function (s, i) { return polar(radius, 2 * Math.PI * i / nSectors - Math.PI / 2)[0]; })
      .attr("y2", function (s, i) { return polar(radius, 2 * Math.PI * i / nSectors - Math.PI / 2)[1]; });
    sectors.append("text")
      .each(function (s, i) {
        var xy = polar(radius + 12, 2 * Math.PI * (i + 0.5) / nSectors - Math.PI / 2);
        var side = xy[0] < WIDTH / 2 - 20 ? "end" : xy[0] > WIDTH / 2 + 20 ? "start" : "middle";
        var parts = lines(s.label);
        var top = xy[1] < HEIGHT / 2 ? xy[1] - 6 * (parts.length - 1) : xy[1] + 8;
        var text = d3.select(this).attr("text-anchor", side);
        parts.forEach(function (part, n) {
          text.append("tspan").attr("x", xy[0]).attr("y", top + 13 * n).text(part);
        });
      });

    // Blips: focusable buttons, numbered as in the table.
    var blips = svg.append("g").attr("class", "radar-blips").selectAll("g").data(data.blips).join("g")
      .attr("class", function (b) { return "radar-blip ring-" + b.ringIndex + (b.movement ? " moved-" + b.movement : ""); })
      .attr("transform", function (b) { return "translate(" + b.x + "," + b.y + ")"; })
      .attr("tabindex", "0")
      .attr("role", "button")
      .attr("data-blip", function (b) { return b.id; })
      .attr("aria-label", function (b) {
        return b.number + ". " + b.name + ", " + b.areaLabel + ", " + b.ringLabel + ", " + b.movementLabel;
      })
      .on("click", function (event, b) { select(b); })
      .on("keydown", function (event, b) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(b); }
      });
    blips.each(function (b) {
      var g = d3.select(this);
      var path = shape(b);
      if (path) {
        g.append("path").attr("d", path).attr("class", "mark");
      } else {
        if (b.movement === "new") { g.append("circle").attr("r", 12).attr("class", "halo"); }
        g.append("circle").attr("r", 9).attr("class", "mark");
      }
      g.append("text").attr("text-anchor", "middle").attr("dy", "0.35em").text(b.number);
      g.append("title").text(b.number + ". " + b.name + " (" + b.ringLabel + ", " + b.movementLabel + ")");
    });

    var detail = fig.append("div").attr("class", "radar-detail card").attr("aria-live", "polite");
    var empty = fig.append("p").attr("class", "muted radar-empty").text(labels.labelNone).attr("hidden", "");

    function select(b) {
      blips.classed("selected", function (other) { return other.id === b.id; });
      detail.selectAll("*").remove();
      detail.append("h3").text(b.number + ". " + b.name);
      detail.append("p").attr("class", "small").text(
        labels.labelSector + ": " + b.areaLabel + " · " + labels.labelRing + ": " + b.ringLabel + " · " + b.movementLabel
      );
      detail.append("p").text(b.rationale);
      if (b.documents.length) {
        detail.append("p").attr("class", "small").text(labels.labelEvidence);
        detail.append("ul").selectAll("li").data(b.documents).join("li")
          .append("a").attr("href", function (d) { return d.url; }).text(function (d) { return d.title; });
      }
      detail.append("p").append("a").attr("href", "#blip-" + b.id).attr("class", "small").text(labels.labelRow)
        .on("click", function () {
          var row = document.getElementById("blip-" + b.id);
          if (row) { row.classList.add("highlight"); row.focus(); }
        });
    }

    function update() {
      var visible = 0;
      blips.attr("hidden", function (b) {
        var on = shownRings[b.ring] && (!shownSector || b.area === shownSector);
        if (on) { visible += 1; }
        return on ? null : "";
      }).attr("tabindex", function (b) {
        return shownRings[b.ring] && (!shownSector || b.area === shownSector) ? "0" : "-1";
      });
      sectors.classed("dimmed", function (s) { return shownSector !== "" && s.code !== shownSector; });
      empty.attr("hidden", visible ? "" : null);
    }
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
