// Stubs for the admin app's global components (v-*, private-view, sidebar-detail) and directives,
// which component tests do not have. Each stub renders its default slot (and named slots of
// private-view) so the view's own markup is what the test sees.
import { defineComponent, h } from 'vue';

const passthrough = (name: string, tag = 'div') =>
  defineComponent({
    name,
    inheritAttrs: false,
    setup(_, { slots, attrs }) {
      return () => h(tag, { ...attrs, 'data-stub': name }, Object.values(slots).map((s) => s?.()));
    },
  });

export const globalStubs = Object.fromEntries(
  ['private-view', 'v-button', 'v-icon', 'v-notice', 'v-progress-circular', 'v-list', 'v-list-item', 'v-list-item-content',
    'v-list-item-icon', 'v-table', 'v-drawer', 'v-dialog', 'v-card', 'v-card-title', 'v-card-text', 'v-card-actions', 'v-chip',
    'v-checkbox', 'v-divider', 'v-info', 'v-menu', 'v-tabs', 'v-tab', 'v-text-overflow', 'sidebar-detail', 'v-breadcrumb',
    'v-skeleton-loader', 'v-pagination', 'v-form', 'v-fancy-select', 'v-slider', 'v-select', 'v-input', 'v-textarea', 'v-radio', 'v-upload']
    .map((name) => [name, passthrough(name)]),
);

export const globalDirectives = { tooltip: {}, 'click-outside': {}, md: {} };
