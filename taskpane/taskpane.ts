// Placeholder: the MPWR task pane replaces this file.
Office.onReady(() => {
  const status = document.getElementById('status');
  if (status) status.textContent = 'Ready.';
});
