import { PromTemplateGallery } from './template-gallery.component.js';

export { PromTemplateGallery };
PromTemplateGallery.define('prom-template-gallery');

declare global {
  interface HTMLElementTagNameMap {
    'prom-template-gallery': PromTemplateGallery;
  }
}
