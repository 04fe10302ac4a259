/* Quiz editing in the Wagtail admin (loaded with the quiz blocks, admin only).
 *
 * 1. Question and answer blocks show a one-line summary in their header,
 *    after the block type Wagtail shows, e.g. "Single choice  Which link is
 *    safe? · 4 answers · correct: B", so a long quiz can be reviewed without
 *    opening every question.
 * 2. "Lesson section this question tests" becomes a list of the lesson's
 *    headings, read from the lesson field of the same form as it is now.
 *    The (hidden) text input keeps the value: it holds a heading block's id.
 */
(() => {
  const PROMPT_LENGTH = 40;
  const letter = (index) => String.fromCharCode(65 + index);

  function shorten(text, length) {
    const flat = (text || '').replace(/\s+/g, ' ').trim();
    return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
  }

  function summary(state, meta) {
    const strings = meta.summary;
    if (strings.kind === 'answer') {
      const text = shorten(state.text, PROMPT_LENGTH);
      return state.is_correct ? `${text} · ${strings.isCorrect}` : text;
    }
    if (strings.kind === 'true_false') {
      const answer = state.is_true ? strings.true : strings.false;
      return [
        shorten(state.statement, PROMPT_LENGTH),
        strings.correct.replace('%(answers)s', answer),
      ].join(' · ');
    }
    const choices = state.choices || [];
    const correct = choices
      .map((choice, index) => (choice.value.is_correct ? letter(index) : null))
      .filter(Boolean);
    const count = strings.answers[Math.min(choices.length, strings.answers.length - 1)];
    return [
      shorten(state.prompt, PROMPT_LENGTH),
      count,
      correct.length
        ? strings.correct.replace('%(answers)s', correct.join(', '))
        : strings.noCorrect,
    ].join(' · ');
  }

  class QuizBlockDefinition extends window.wagtailStreamField.blocks.StructBlockDefinition {
    render(placeholder, prefix, initialState, initialError, parentCapabilities) {
      const block = super.render(
        placeholder,
        prefix,
        initialState,
        initialError,
        parentCapabilities,
      );
      block.getTextLabel = () => summary(block.getState(), this.meta);
      // Answers of a question already written start folded, like the questions
      // (QuizStreamBlock's `collapsed`). Not ListBlock's own `collapsed`, which
      // would also fold the empty first answer of a question just added.
      const answers = block.childBlocks.choices;
      if (answers && initialState?.prompt) {
        const errors = initialError?.blockErrors?.choices?.blockErrors || {};
        answers.children.forEach((answer, index) => {
          if (!errors[index]) answer.collapse();
        });
      }
      return block;
    }
  }
  window.telepath.register('modules.blocks.QuizBlock', QuizBlockDefinition);

  /* The lesson's headings in their current order: [{id, text}]. */
  function lessonHeadings(form) {
    const headings = [];
    form.querySelectorAll('input[name^="body-"][name$="-type"]').forEach((typeInput) => {
      const prefix = typeInput.name.slice(0, -'-type'.length);
      if (typeInput.value !== 'heading' || !/^body-\d+$/.test(prefix)) return;
      const field = (suffix) => form.querySelector(`[name="${prefix}-${suffix}"]`);
      if (field('deleted')?.value === '1' || !field('id')?.value) return;
      headings.push({
        id: field('id').value,
        text: (field('value')?.value || '').trim(),
        order: Number(field('order')?.value || 0),
      });
    });
    return headings.sort((a, b) => a.order - b.order);
  }

  class LessonSectionController extends window.StimulusModule.Controller {
    static values = { none: String, missing: String };

    connect() {
      const input = this.element;
      // Kept across reconnections (Stimulus reconnects a block that is moved).
      input.dataset.lessonSectionId ||= input.id;
      this.select = document.createElement('select');
      // The label points at the list, which the editor uses, not at the hidden input.
      this.select.id = input.dataset.lessonSectionId;
      input.id = `${this.select.id}-value`;
      input.type = 'hidden';
      input.after(this.select);
      this.select.addEventListener('change', () => {
        input.value = this.select.value;
      });
      // Headings change while the editor works: list them as they are when the list is opened.
      ['focus', 'mousedown'].forEach((event) =>
        this.select.addEventListener(event, () => this.refresh()),
      );
      this.refresh();
    }

    disconnect() {
      this.select?.remove();
    }

    refresh() {
      const current = this.element.value;
      const options = [{ id: '', text: this.noneValue }];
      const headings = lessonHeadings(this.element.form || document);
      options.push(...headings);
      if (current && !headings.some((heading) => heading.id === current)) {
        options.push({ id: current, text: this.missingValue });
      }
      this.select.replaceChildren(
        ...options.map(({ id, text }) => new Option(text || id, id, false, id === current)),
      );
    }
  }
  window.wagtail.app.register('lesson-section', LessonSectionController);
})();
