// The package imported first, as the docs say: the elements are defined before Vue renders,
// so Vue sets `data` as a property (no `.prop` needed).
import "foerderweg";
import { createApp } from "vue";
import App from "./App.vue";
import { loadDocuments } from "./documents";

loadDocuments().then((documents) => createApp(App, { documents }).mount("#app"));
