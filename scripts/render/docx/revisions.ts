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
  return new BuilderElement({
    name: 'w:ins',
    attributes: revisionAttributes(revision),
    children: [change as unknown as XmlComponent],
  }) as unknown as ParagraphChild;
}

type FieldCharacter = 'begin' | 'separate' | 'end';

function fieldCharacter(type: FieldCharacter): XmlComponent {
  return new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
}

/**
 * A field's run content: begin, its instruction, separate, its result, end — in one run, so that the
 * run's change (or none) covers the whole field. Deleted, the instruction is `w:delInstrText`. The
 * docx package types run children as text and fields; these elements are run children too.
 */
export function fieldRunChildren(instruction: string, result: string, deleted: boolean): string[] {
  return [
    fieldCharacter('begin'),
    new StringContainer(deleted ? 'w:delInstrText' : 'w:instrText', instruction),
    fieldCharacter('separate'),
    result,
    fieldCharacter('end'),
  ] as unknown as string[];
}

/**
 * The instruction that prints a figure of the document's data: a custom document property named by
 * its reference, which the package carries with its value (Word updates the field from it; a reader
 * finds the reference again in the instruction).
 */
export function dataFieldInstruction(ref: string): string {
  return `DOCPROPERTY "${ref}"`;
}
