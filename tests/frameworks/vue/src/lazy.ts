// The package imported only after Vue has rendered the elements once: Vue wrote
// `data="[object Object]"` on elements it did not know yet; the elements take the object Vue
// meant when they are defined.
import { createApp, nextTick } from "vue";
import App from "./App.vue";
import { loadDocuments } from "./documents";

loadDocuments().then(async (documents) => {
  createApp(App, { documents }).mount("#app");
  await nextTick();
  await import("foerderweg");
});
