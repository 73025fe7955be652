/**
 * The laid-out scene at a checkpoint, for the quirk detectors: the legacy engine's own
 * layout pass (engines/legacy-js/layout.ts) run over the model's nodes, with each box's
 * parent box and whether an ancestor hides or dims it. Only the font's metrics matter to
 * layout, so the atlas is read from its JSON (no PNG decode).
 */
import { readFileSync } from 'node:fs';
import type { FontAtlas } from '../../../engines/shared/assets.ts';
import { layoutScene } from '../../../engines/legacy-js/layout.ts';
import type { LayoutBox } from '../../../engines/legacy-js/layout.ts';
import type { Scene } from '../../../engines/legacy-js/scene.ts';
import { ROOT_ID } from '../../../engines/shared/protocol.ts';
import { FONT_JSON_PATH } from '../../assets/paths.ts';
import { generatedImages } from './generatedImages.ts';
import type { SceneModel } from './sceneModel.ts';

export interface ViewBox {
  readonly box: LayoutBox;
  readonly parent: LayoutBox | null;
  /** The node or an ancestor has visible = false: nothing of it is painted. */
  readonly hidden: boolean;
  /** An ancestor has opacity < 1. */
  readonly dimmed: boolean;
}

export interface FrameView {
  readonly model: SceneModel;
  readonly boxes: readonly ViewBox[];
}

let metrics: FontAtlas | undefined;

export function fontMetrics(): FontAtlas {
  if (metrics === undefined) {
    const atlas = JSON.parse(readFileSync(FONT_JSON_PATH, 'utf8')) as { cellWidth: number; cellHeight: number; firstCode: number; glyphCount: number; fallbackIndex: number };
    metrics = { ...atlas, coverage: new Uint8Array(atlas.cellWidth * atlas.cellHeight * atlas.glyphCount) };
  }
  return metrics;
}

export function frameView(model: SceneModel): FrameView {
  const nodes = model.nodes;
  const scene = { root: nodes.get(ROOT_ID)!, get: (id: unknown) => (typeof id === 'number' ? nodes.get(id) : undefined) } as unknown as Scene;
  const boxes = layoutScene(scene, fontMetrics(), generatedImages(), model.viewport.width, model.viewport.height);
  const out: ViewBox[] = [];
  const walk = (box: LayoutBox, parent: LayoutBox | null, hiddenAbove: boolean, dimmedAbove: boolean): void => {
    const hidden = hiddenAbove || !box.node.visible;
    out.push({ box, parent, hidden, dimmed: dimmedAbove });
    for (const child of box.children) walk(child, box, hidden, dimmedAbove || box.node.opacity < 1);
  };
  if (boxes.length > 0) walk(boxes[0], null, false, false);
  return { model, boxes: out };
}
