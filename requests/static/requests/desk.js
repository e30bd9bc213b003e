// The case page's composer: choosing a saved reply inserts it at once (its text in the
// language chosen, its move, its officer; a saved reply is written for the party, so it is
// addressed to the party unless staff already chose). Without this script Insert does it.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (select.id !== "id_reply-saved_reply" || !select.value) return;
  const option = select.selectedOptions[0];
  const form = select.form;
  const language = form.elements["reply-language"].value;
  const text = option.getAttribute("data-text-" + language) || option.getAttribute("data-text-en");
  const body = form.elements["reply-body"];
  body.value = body.value.trim() ? body.value.trimEnd() + "\n\n" + text : text;
  const party = form.querySelector('input[name="reply-audience"][value="party"]');
  if (!form.querySelector('input[name="reply-audience"]:checked')) party.checked = true;
  const move = option.getAttribute("data-to-status");
  const radio = move && form.querySelector(`input[name="reply-to_status"][value="${move}"]`);
  if (radio) radio.checked = true;
  const assignee = form.elements["reply-assignee"];
  if (assignee && option.getAttribute("data-assignee")) {
    assignee.value = option.getAttribute("data-assignee");
  }
  document.getElementById("reply-inserted").textContent = option.textContent;
  select.value = "";
});
