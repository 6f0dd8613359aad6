// Export helpers of foerderweg: a chart as a standalone SVG file, as a PNG, and the download.
//
// A chart in the widget takes its colours from the shadow root's stylesheet and its custom
// properties; a file has neither. So the copy gets the resolved values of the few properties an
// SVG needs as presentation attributes, and loses what only the page needs (classes, focus,
// event hooks). Nothing here reads or writes markup as a string except the final serialisation.

const NS = "http://www.w3.org/2000/svg";

// Properties that decide what an SVG looks like, written as presentation attributes.
const PAINT = [
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "paint-order",
  "vector-effect",
];

// Defaults a file reader assumes anyway: not written, to keep the file small.
const DEFAULTS = {
  "fill-opacity": "1",
  "fill-rule": "nonzero",
  "stroke-dasharray": "none",
  "stroke-linecap": "butt",
  "stroke-linejoin": "miter",
  "stroke-opacity": "1",
  opacity: "1",
  "font-style": "normal",
  "paint-order": "normal",
  "vector-effect": "none",
  "dominant-baseline": "auto",
  "text-anchor": "start",
};

function copyStyles(from, to) {
  const style = getComputedStyle(from);
  if (style.display === "none" || style.visibility === "hidden") return false;
  for (const name of PAINT) {
    let value = style.getPropertyValue(name);
    if (!value || DEFAULTS[name] === value) continue;
    // `url("http://page/#fw-hatch")` → `url(#fw-hatch)`: the pattern travels in the same file.
    value = value.replace(/url\("?[^#")]*#([^")]+)"?\)/g, "url(#$1)");
    to.setAttribute(name, value);
  }
  return true;
}

// Copies the resolved styles of `from` and its descendants onto the clone `to`, dropping what
// is hidden and what only the page needs.
function inline(from, to) {
  if (!copyStyles(from, to)) {
    to.remove();
    return;
  }
  strip(to);
  const a = [...from.children];
  const b = [...to.children];
  for (let i = 0; i < a.length; i++) inline(a[i], b[i]);
}

function strip(el) {
  for (const attr of [...el.attributes]) {
    const n = attr.name;
    if (n === "class" || n === "tabindex" || n === "style" || n.startsWith("data-") || n === "focusable") {
      el.removeAttribute(n);
    }
  }
}

// The legend of a chart is HTML beside it; the file gets it as SVG below the chart, each entry's
// swatch and text where the page laid them out.
function legendCopy(legend) {
  const group = document.createElementNS(NS, "g");
  const origin = legend.getBoundingClientRect();
  if (origin.width === 0) return [group, 0];
  const fg = getComputedStyle(legend);
  for (const item of legend.querySelectorAll("li, p")) {
    const box = item.getBoundingClientRect();
    const swatch = item.querySelector("svg");
    let textX = box.left - origin.left;
    if (swatch) {
      const at = swatch.getBoundingClientRect();
      const copy = swatch.cloneNode(true);
      inline(swatch, copy);
      copy.setAttribute("x", String(Math.round(at.left - origin.left)));
      copy.setAttribute("y", String(Math.round(at.top - origin.top)));
      copy.removeAttribute("aria-hidden");
      group.append(copy);
      textX = at.right - origin.left + 4;
    }
    const text = document.createElementNS(NS, "text");
    const style = getComputedStyle(item);
    text.textContent = item.textContent.trim();
    text.setAttribute("x", String(Math.round(textX)));
    text.setAttribute("y", String(Math.round(box.top - origin.top + box.height * 0.72)));
    text.setAttribute("font-size", style.fontSize);
    text.setAttribute("font-weight", style.fontWeight);
    text.setAttribute("fill", style.color || fg.color);
    group.append(text);
  }
  return [group, Math.ceil(origin.height) + 8];
}

// What XML 1.0 does not allow anywhere in a document: the C0 controls but tab, line feed and
// carriage return, U+FFFE and U+FFFF, and halves of surrogate pairs. Names from spreadsheets
// carry them (Excel writes a line break inside a cell as a vertical tab); the serialiser copies
// them into the file, which no reader then opens.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with only characters XML 1.0 allows: a vertical tab or form feed becomes a space. */
export function xmlChars(text) {
  return text.replace(NOT_XML, (c) =>
    c === "\u000b" || c === "\u000c" ? " " : c >= "\ud800" && c <= "\udfff" ? "\ufffd" : "",
  );
}

/**
 * A standalone SVG document of `svg` (an element inside a widget), with `title` and `desc`,
 * and `legend` (an HTML element or null) drawn below it, on the widget's background colour.
 * The title is written above the chart and `notes` (the as-of date, the source, a map's
 * attribution) below it, so the file says what it shows wherever it goes.
 * Returns `[markup, width, height]`.
 */
export function svgMarkup(svg, title, desc, legend, notes = []) {
  const copy = svg.cloneNode(true);
  inline(svg, copy);
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(Number(svg.getAttribute("width")) || box.width));
  let height = Math.max(1, Math.round(Number(svg.getAttribute("height")) || box.height));
  if (!copy.hasAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (legend) {
    const [vx, vy, vw, vh] = copy.getAttribute("viewBox").split(/[\s,]+/).map(Number);
    const k = vw / width;
    const [group, extra] = legendCopy(legend);
    if (extra > 0) {
      group.setAttribute("transform", `translate(${vx} ${vy + vh}) scale(${k})`);
      copy.append(group);
      height += extra;
      copy.setAttribute("viewBox", `${vx} ${vy} ${vw} ${vh + extra * k}`);
    }
  }
  // Title above and notes below: the chart's own view box grows by their lines.
  const [vx, vy, vw, vh] = copy.getAttribute("viewBox").split(/[\s,]+/).map(Number);
  const k = vw / width;
  const lines = [...notes].map(String).filter(Boolean);
  const top = title ? 28 : 0;
  const bottom = lines.length ? lines.length * 16 + 8 : 0;
  if (top || bottom) {
    const fg = getComputedStyle(svg.closest(".fw-root") || svg);
    const line = (text, y, size, weight) => {
      const t = document.createElementNS(NS, "text");
      t.textContent = text;
      t.setAttribute("x", String(vx));
      t.setAttribute("y", String(y));
      t.setAttribute("font-size", String(size * k));
      if (weight) t.setAttribute("font-weight", weight);
      t.setAttribute("fill", fg.color);
      return t;
    };
    if (top) copy.insertBefore(line(title, vy - 10 * k, 15, "600"), copy.firstChild);
    lines.forEach((text, i) => copy.append(line(text, vy + vh + (i + 1) * 16 * k, 12, "")));
    copy.setAttribute("viewBox", `${vx} ${vy - top * k} ${vw} ${vh + (top + bottom) * k}`);
    height += top + bottom;
  }
  copy.setAttribute("xmlns", NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  copy.setAttribute("role", "img");
  copy.removeAttribute("aria-hidden");
  copy.removeAttribute("aria-activedescendant");
  // The widget's background, so the file reads the same on any page or viewer.
  const root = svg.closest(".fw-root");
  const theme = root ? getComputedStyle(root) : null;
  const background = theme?.backgroundColor ?? "";
  const first = copy.firstChild;
  const heading = document.createElementNS(NS, "title");
  heading.textContent = title;
  copy.insertBefore(heading, first);
  if (desc) {
    const d = document.createElementNS(NS, "desc");
    d.textContent = desc;
    copy.insertBefore(d, first);
  }
  if (background && background !== "rgba(0, 0, 0, 0)") {
    const rect = document.createElementNS(NS, "rect");
    const [x, y] = (copy.getAttribute("viewBox") || "0 0").split(/[\s,]+/);
    rect.setAttribute("x", x);
    rect.setAttribute("y", y);
    rect.setAttribute("width", "100%");
    rect.setAttribute("height", "100%");
    rect.setAttribute("fill", background);
    copy.insertBefore(rect, first);
  }
  if (theme) {
    copy.setAttribute("font-family", theme.fontFamily);
    copy.setAttribute("color", theme.color);
  }
  const markup = '<?xml version="1.0" encoding="UTF-8"?>\n' + xmlChars(new XMLSerializer().serializeToString(copy));
  return [markup, width, height];
}

/**
 * Draws `markup` (a standalone SVG) at `scale` onto a canvas and resolves with a PNG blob.
 * The image is loaded from a `data:` URL, or, if the page's Content-Security-Policy blocks
 * that, from a `blob:` URL. The promise rejects with an Error whose message says why: `csp`
 * (the policy blocked both: `img-src 'self'` only), `image` (the browser could not read the
 * SVG), `canvas` (the picture is too large for a canvas here).
 */
export function svgToPng(markup, width, height, scale) {
  const blobUrl = () => URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  const sources = [() => "data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup), blobUrl];
  // A blocked image fires `error` like an unreadable one; only the policy's report tells them apart.
  let blocked = false;
  const onViolation = (e) => {
    if (e.effectiveDirective?.startsWith("img-src")) blocked = true;
  };
  document.addEventListener("securitypolicyviolation", onViolation);
  const draw = (image) =>
    new Promise((resolve, reject) => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext("2d");
      if (!ctx) return reject(new Error("canvas"));
      ctx.scale(scale, scale);
      ctx.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("canvas"))), "image/png");
    });
  const load = (i) =>
    new Promise((resolve, reject) => {
      if (i >= sources.length) return reject(new Error(blocked ? "csp" : "image"));
      const url = sources[i]();
      const image = new Image();
      const done = () => url.startsWith("blob:") && URL.revokeObjectURL(url);
      image.onload = () => {
        draw(image).then(resolve, reject).finally(done);
      };
      image.onerror = () => {
        done();
        // Give the policy's report (a task later) the chance to arrive before deciding.
        setTimeout(() => load(i + 1).then(resolve, reject), 0);
      };
      image.src = url;
    });
  return load(0).finally(() => document.removeEventListener("securitypolicyviolation", onViolation));
}

/** Offers `content` (a string or a Blob) to the user as the file `name`. */
export function download(name, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.rel = "noopener";
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
