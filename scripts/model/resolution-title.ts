/**
 * The title of a resolution, in the language's own form from the locale: "RESOLUTION 154 (REV. DUBAI,
 * 2018)", "DRAFT NEW RESOLUTION [XXX] (BUCHAREST, 2022)", or in a MOD the place and year in force
 * struck through and the proposed ones underlined; and under it, when document.yaml gives its `title`
 * key, the resolution's name (`resolutionNames.<key>`). The proposal around the title says which form.
 */
import type { Position } from 'unist';
import type { BuildContext } from './context.js';
import { isDraftNumber, type ResolutionMeta } from './metadata.js';
import type { Heading, InlineNode, ProposalAction } from './types.js';

/** The proposal a title stands in, as the builder knows it while it builds the proposal's blocks. */
export interface ProposalPlace {
  id: string;
  action: ProposalAction;
}

type TitleForm = 'draftNew' | 'inForce' | 'revised';

const IN_FORCE_ACTIONS: readonly ProposalAction[] = ['SUP', 'SUP*', 'NOC', 'ADD*'];
const CHANGE_ACTIONS: readonly ProposalAction[] = ['MOD', '(MOD)'];

/** `::resolution-title{resolution=154}`: the number line, and the name line when the metadata names it. */
export function resolutionTitle(
  ctx: BuildContext,
  position: Position | undefined,
  reading: Heading['reading'],
  proposal: ProposalPlace | undefined,
  named: string | undefined,
): Heading[] {
  const heading: Heading = {
    type: 'heading',
    depth: 1,
    role: 'resolutionTitle',
    reading,
    resolution: named,
    change: undefined,
    children: [],
    position,
  };
  const resolution = resolutionOf(ctx, position, proposal, named);
  if (!resolution) return [heading];
  const form = titleForm(ctx, position, resolution, proposal);
  heading.children =
    form === 'draftNew'
      ? [
          text(
            ctx.t('resolution.draftNew', position, {
              number: resolution.number,
              placeAndYear: placeAndYear(ctx, position, ctx.meta.conference),
            }),
          ),
        ]
      : revisedTitle(
          ctx,
          position,
          reading,
          'resolution.title',
          { number: resolution.number },
          form === 'revised' ? resolution.revisions! : resolution.revisions!.slice(-1),
        );
  if (!resolution.title) return [heading];
  const name = ctx.t(`resolutionNames.${resolution.title}`, position);
  return [heading, { type: 'heading', depth: 2, role: 'resolutionName', change: undefined, children: [text(name)], position }];
}

/** `::annex-title`: "Annex 1 to Resolution 71 (Rev. …)" from `annex` and `resolution` in document.yaml. */
export function annexTitle(ctx: BuildContext, position: Position | undefined, reading: Heading['reading']): Heading {
  const { resolution, annex } = ctx.meta;
  if (!resolution?.revisions || !annex) {
    ctx.error(
      position,
      '`::annex-title` in a document whose metadata does not say what it titles',
      'Add `resolution: {number, revisions}` and `annex: {number}` to document.yaml',
      'invalid-metadata',
    );
    return { type: 'heading', depth: 1, role: 'annexTitle', reading, change: undefined, children: [], position };
  }
  const values = { number: annex.number, resolution: resolution.number };
  return {
    type: 'heading',
    depth: 1,
    role: 'annexTitle',
    reading,
    change: undefined,
    children: revisedTitle(ctx, position, reading, 'annex.title', values, resolution.revisions),
    position,
  };
}

/**
 * The resolution a title names: the one its proposal is on, else the one `resolution=` names among
 * those document.yaml declares, else the document's own.
 */
function resolutionOf(
  ctx: BuildContext,
  position: Position | undefined,
  proposal: ProposalPlace | undefined,
  named: string | undefined,
): ResolutionMeta | undefined {
  const { meta } = ctx;
  const onProposal = proposal && meta.proposals.find((p) => p.id === proposal.id)?.resolution;
  if (onProposal) {
    if (named !== undefined && named !== String(onProposal.number)) {
      ctx.error(
        position,
        `The title names Resolution ${named}, but proposal ${proposal.id} is on Resolution ${onProposal.number} in document.yaml`,
        `Write \`::resolution-title{resolution=${onProposal.number}}\`, or correct the resolution of ${proposal.id} in document.yaml`,
        'unknown-resolution',
      );
    }
    return onProposal;
  }
  const declared = [meta.resolution, ...meta.proposals.map((p) => p.resolution)].filter((r) => r !== undefined);
  const found = named === undefined ? meta.resolution : declared.find((r) => String(r.number) === named);
  if (found) return found;
  const where = proposal ? `under proposal ${proposal.id}` : 'under "resolution"';
  ctx.error(
    position,
    named === undefined
      ? '`::resolution-title` in a document whose metadata does not say what it titles'
      : `Resolution ${named} is not declared in document.yaml`,
    `Declare it ${where} in document.yaml: \`resolution: {number: ${named ?? 154}, revisions: [{place: dubai, year: 2018}]}\` (see docs/dialect.md)`,
    'unknown-resolution',
  );
  return undefined;
}

/**
 * A draft number is a new resolution, added; a MOD prints the change of place and year; a SUP (or NOC)
 * the title in force. Outside a proposal, a title with two revisions prints their change.
 */
function titleForm(
  ctx: BuildContext,
  position: Position | undefined,
  resolution: ResolutionMeta,
  proposal: ProposalPlace | undefined,
): TitleForm {
  const action = proposal?.action;
  const number = resolution.number;
  if (isDraftNumber(number)) {
    if (action !== undefined && action !== 'ADD') {
      ctx.error(
        position,
        `${action} of the draft resolution ${number}: a resolution with a draft number can only be added`,
        `Make the proposal \`action=ADD\`, or give the resolution its number in document.yaml`,
        'invalid-proposal',
      );
    }
    return 'draftNew';
  }
  if (action === 'ADD') {
    ctx.error(
      position,
      `ADD of Resolution ${number}: a new resolution has no number yet`,
      'Give it a draft number in document.yaml (number: "[XXX]"), or make the proposal MOD',
      'invalid-proposal',
    );
  }
  if (action !== undefined && IN_FORCE_ACTIONS.includes(action)) return 'inForce';
  if (action !== undefined && CHANGE_ACTIONS.includes(action) && resolution.revisions!.length < 2) {
    ctx.error(
      position,
      `${action} of Resolution ${number} gives no proposed revision: its title would not show the change of place and year`,
      'List the proposed revision after the one in force under "revisions" in document.yaml',
      'invalid-proposal',
    );
  }
  return 'revised';
}

const SLOT = '\u0000';

/**
 * The title around its place and year; with two revisions or more, the older struck and the newer
 * underlined, or in one reading (`reading=accepted|rejected`) the newer or the older alone.
 */
function revisedTitle(
  ctx: BuildContext,
  position: Position | undefined,
  reading: Heading['reading'],
  key: string,
  values: Record<string, string | number>,
  revisions: readonly { place: string; year: number }[],
): InlineNode[] {
  const [before = '', after = ''] = ctx.t(key, position, { ...values, revision: SLOT }).split(SLOT);
  const current = revisions.at(-1)!;
  const previous = revisions.at(-2);
  const revision: InlineNode[] = !previous
    ? [text(placeAndYear(ctx, position, current))]
    : reading
      ? [text(placeAndYear(ctx, position, reading === 'accepted' ? current : previous))]
      : [
          { type: 'deletion', children: [text(placeAndYear(ctx, position, previous))] },
          { type: 'insertion', children: [text(placeAndYear(ctx, position, current))] },
        ];
  return [text(before), ...revision, text(after)];
}

function placeAndYear(ctx: BuildContext, position: Position | undefined, { place, year }: { place: string; year: number }): string {
  return ctx.t('resolution.placeAndYear', position, { place: ctx.t(`places.${place}`, position), year });
}

const text = (value: string): InlineNode => ({ type: 'text', value });
