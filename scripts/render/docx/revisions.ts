/**
 * What the docx package has no builder for, built from its own elements: an insertion around a
 * deletion (Word's record of inserted text that a later change deleted), and the parts of a field
 * (`w:fldChar`, `w:instrText`) that a run holds, so that a field can be tracked with its change.
 */
import { BuilderElement, StringContainer, type ParagraphChild, type XmlComponent } from 'docx';

/** The attributes every tracked change carries. */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

const revisionAttributes = (revision: Revision) => ({
  id: { key: 'w:id', value: revision.id },
  author: { key: 'w:author', value: revision.author },
  date: { key: 'w:date', value: revision.date },
});

/**
 * `<w:ins>` around a change (a `w:del`), as Word writes text inserted and then deleted: accepting
 * both removes the text, rejecting the insertion removes it with its deletion.
 */
export function insertionAround(revision: Revision, change: ParagraphChild): ParagraphChild {
  return changeAround('w:ins', revision, [change]);
}

/** A tracked change holding what the docx package has no tracked builder for (bookmarks, a change). */
export function changeAround(tag: 'w:ins' | 'w:del', revision: Revision, children: readonly ParagraphChild[]): ParagraphChild {
  return new BuilderElement({
    name: tag,
    attributes: revisionAttributes(revision),
    children: children as unknown as XmlComponent[],
  }) as unknown as ParagraphChild;
}

type FieldCharacter = 'begin' | 'separate' | 'end';

function fieldCharacter(type: FieldCharacter): XmlComponent {
  return new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

/**
 * A field's parts, each the content of a run of its own as Word writes them (pandoc reads a field's
 * result only so): begin, its instruction, separate, its result, end. Deleted, the instruction is
 * `w:delInstrText`. The docx package types run children as text and fields; these elements are run
 * children too.
 */
export function fieldParts(instruction: string, result: string, deleted: boolean): string[][] {
  const part = (element: XmlComponent) => [element as unknown as string];
  return [
    part(fieldCharacter('begin')),
    part(new StringContainer(deleted ? 'w:delInstrText' : 'w:instrText', ` ${instruction} `)),
    part(fieldCharacter('separate')),
    [result],
    part(fieldCharacter('end')),
  ];
}

/**
 * The instruction that prints a figure of the document's data: a custom document property named by
 * its reference, which the package carries with its value (Word updates the field from it; a reader
 * finds the reference again in the instruction).
 */
export function dataFieldInstruction(ref: string): string {
  return `DOCPROPERTY "${ref}"`;
}
