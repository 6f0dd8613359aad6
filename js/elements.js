// The custom element classes of foerderweg.
//
// Rust cannot subclass HTMLElement, so each class only forwards its life cycle to a Rust
// handle made by `create(element, kind)`. Parsing, fetching, drawing and events are all done
// on the Rust side. Data can arrive three ways (the `data` property, a child
// <script type="application/json">, the `src` attribute); the last one given wins.

let clock = 0;

// Marks the classes of foerderweg (of any copy of the module), so a second copy or a second call
// tells its own definitions from another library's.
const MARK = Symbol.for("foerderweg.element");

/**
 * The value a framework gave the element as `name` when it rendered the element before it was
 * defined, from the framework's own record of it. React (17 to 19) and Vue 3 set a property only
 * where the element has one; on an element not yet defined they write the attribute instead, and
 * an object becomes the text "[object Object]". Only read when the `data` attribute holds such
 * text; `undefined` when no framework made the element.
 */
function frameworkProp(element, name) {
  // React keeps each element's props on it, under a key with a random suffix.
  for (const key of Object.keys(element)) {
    if (key.startsWith("__reactProps$")) return element[key]?.[name];
  }
  // Vue keeps the element's vnode on it in development, and the root's vnode on the app's
  // container always: the element's vnode is found from there.
  if (element.__vnode) return element.__vnode.props?.[name];
  for (let node = element.parentNode; node; node = node.parentNode ?? node.host) {
    if (node.__vue_app__ && node._vnode) return vnodeOf(node._vnode, element, 0)?.props?.[name];
  }
  return undefined;
}

/** The vnode under `vnode` whose element is `element` (Vue 3's tree: components, fragments,
 * suspense). */
function vnodeOf(vnode, element, depth) {
  if (!vnode || typeof vnode !== "object" || depth > 500) return undefined;
  if (vnode.el === element) return vnode;
  const children = Array.isArray(vnode.children) ? vnode.children : [];
  for (const child of [vnode.component?.subTree, vnode.suspense?.activeBranch, ...children]) {
    const found = vnodeOf(child, element, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Whether the text of a `data` attribute can be a document (a JSON object). */
const jsonText = (text) => text.trimStart().startsWith("{");

/** `max-size` → `maxSize`: the property twin of an attribute. */
const property = (attribute) => attribute.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

// Defines `tag`. `create(element, kind)` gives the element's handle, or `{handle, cancel}` with
// a promise of it (the package's loader: the module loads first) and a way to stop waiting.
// Returns "defined", "ours" (already defined by foerderweg), "foreign" (by
// another script) or "unavailable" (no custom elements here, or the registry refused). Never
// throws.
export function defineElement(tag, kind, attributes, create) {
  if (typeof customElements === "undefined") return "unavailable";
  const existing = customElements.get(tag);
  if (existing) return existing[MARK] ? "ours" : "foreign";
  const twins = attributes.map(property);

  class FoerderwegElement extends HTMLElement {
    static [MARK] = true;

    static get observedAttributes() {
      // `data` too: JSON text in it is the document (React 18 writes every prop so), other text
      // is named in the widget, never taken for "no data".
      return [...attributes, "data"];
    }

    #handle = null;
    #pending = null;
    #data = undefined;
    #dataAt = 0;
    #dataAttributeAt = 0;
    #srcAt = 0;
    #scriptText = null;
    #observer = null;
    #leaving = false;
    #document = null;

    constructor() {
      super();
      // A host may set `data` (or a twin property) before this module loaded; the value then
      // sits on the instance and hides the accessor. Take it over.
      for (const name of ["data", ...twins]) {
        if (Object.prototype.hasOwnProperty.call(this, name)) {
          const value = this[name];
          delete this[name];
          this[name] = value;
        }
      }
    }

    connectedCallback() {
      this.#adoptLowercased();
      // Moved in the page (removed and inserted again in one task): the widget stays as it is.
      if (this.#leaving) {
        this.#leaving = false;
        if (this.ownerDocument === this.#document) return;
        this.#teardown();
      }
      if (this.#handle || this.#pending) return;
      this.#document = this.ownerDocument;
      const made = create(this, kind);
      if (typeof made?.handle?.then !== "function") {
        this.#attach(made);
        return;
      }
      // Attributes, data and child scripts given meanwhile are read when the handle comes.
      this.#pending = made;
      made.handle.then((handle) => {
        if (this.#pending === made) {
          this.#pending = null;
          this.#attach(handle);
        } else {
          // The element left the page while its module loaded.
          handle?.destroy();
          handle?.free?.();
        }
      });
    }

    // A framework that rendered before the element was defined wrote `maxSize={5}` as the
    // attribute `maxsize` (HTML lowercases names): an attribute no element observes. Its value
    // is taken as the option's (`max-size`), unless that is set itself.
    #adoptLowercased() {
      for (const name of attributes) {
        const lower = property(name).toLowerCase();
        if (lower !== name && this.hasAttribute(lower) && !this.hasAttribute(name)) {
          this.setAttribute(name, this.getAttribute(lower));
        }
      }
    }

    #attach(handle) {
      this.#handle = handle ?? null;
      if (!this.#handle) return;
      for (const name of attributes) {
        const value = this.getAttribute(name);
        if (value !== null && name !== "src") this.#handle.setOption(name, value);
      }
      // Markup first (a child script, then `src`), then what was set from JS, in time order.
      this.#readScript(true);
      const given = [];
      if (this.hasAttribute("src")) {
        given.push([this.#srcAt, () => this.#handle.setOption("src", this.getAttribute("src"))]);
      }
      // (`data` text that stood for an object a framework had is not read as the document.)
      if (this.hasAttribute("data") && this.#dataAttributeAt > 0) {
        given.push([this.#dataAttributeAt, () => this.#handle.setOption("data", this.getAttribute("data"))]);
      }
      if (this.#data !== undefined) given.push([this.#dataAt, () => this.#handle.update(this.#data)]);
      given.sort((a, b) => a[0] - b[0]).forEach(([, apply]) => apply());
      this.#observer = new MutationObserver(() => this.#readScript(false));
      this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    }

    // Chromium's atomic move (`moveBefore()`): nothing to do, the widget keeps its state and focus.
    connectedMoveCallback() {}

    disconnectedCallback() {
      // Taken down only if it stays out of the page past this task's microtasks: a framework
      // that moves an element (a keyed list reordered, a panel moved into a dialog) removes and
      // inserts it in one go, and the widget would otherwise fetch and draw all over again.
      this.#leaving = true;
      queueMicrotask(() => {
        if (this.#leaving && !this.isConnected) {
          this.#leaving = false;
          this.#teardown();
        }
      });
    }

    #teardown() {
      this.#pending?.cancel();
      this.#pending = null;
      this.#observer?.disconnect();
      this.#observer = null;
      this.#handle?.destroy();
      this.#handle?.free();
      this.#handle = null;
      this.#scriptText = null;
    }

    attributeChangedCallback(name, oldValue, value) {
      if (name === "data") {
        if (value !== null && !jsonText(value)) {
          // "[object Object]": the object a framework meant (React 19 and Vue on an element not
          // yet defined, React 18 always), where it still has it. Read after the framework's
          // commit: React 18 records an element's new props after writing its attributes.
          queueMicrotask(() => {
            if (this.getAttribute("data") !== value) return;
            const meant = frameworkProp(this, "data");
            if (meant !== null && typeof meant === "object") {
              if (meant !== this.#data) this.data = meant;
              return;
            }
            this.#dataAttributeAt = ++clock;
            this.#handle?.setOption("data", value);
          });
          return;
        }
        this.#dataAttributeAt = ++clock;
        if (oldValue !== value) this.#handle?.setOption("data", value);
        return;
      }
      if (name === "src") this.#srcAt = ++clock;
      // Told to load at once while it waits to come near the viewport.
      if (name === "loading" && value === "eager") this.#pending?.now?.();
      if (oldValue !== value) this.#handle?.setOption(name, value);
    }

    get data() {
      return this.#data;
    }

    set data(value) {
      this.#data = value;
      this.#dataAt = ++clock;
      this.#handle?.update(value);
    }

    /** Fetches `src` again. */
    reload() {
      this.#handle?.reload();
    }

    /** Holds the `refresh` of `src` until `resume()` (as the attribute `paused` does). */
    pause() {
      this.#handle?.pause();
      this.toggleAttribute("paused", true);
    }

    /** Lets a held `refresh` run again: one fetch now if one fell due meanwhile. */
    resume() {
      this.#handle?.resume();
      this.removeAttribute("paused");
    }

    /** Whether the refresh is held: by `pause()`, the attribute or the widget's own button. */
    get paused() {
      return this.#handle ? this.#handle.paused : this.hasAttribute("paused");
    }

    set paused(value) {
      if (value) this.pause();
      else this.resume();
    }

    #readScript(force) {
      const script = this.querySelector(':scope > script[type="application/json"]');
      const text = script ? script.textContent : null;
      if (text === null || (!force && text === this.#scriptText)) return;
      this.#scriptText = text;
      this.#handle?.update(text);
    }
  }

  // Property twins of the attributes (`lang` is HTMLElement's own; `max-size` is `maxSize`).
  for (const name of attributes) {
    // (`paused` is a boolean of the class's own, above.)
    if (property(name) in HTMLElement.prototype || Object.hasOwn(FoerderwegElement.prototype, property(name))) continue;
    Object.defineProperty(FoerderwegElement.prototype, property(name), {
      get() {
        return this.getAttribute(name);
      },
      set(value) {
        if (value === null || value === undefined) this.removeAttribute(name);
        else this.setAttribute(name, String(value));
      },
    });
  }

  try {
    customElements.define(tag, FoerderwegElement);
  } catch {
    return "unavailable";
  }
  return "defined";
}
