// Reloads the Cluster page every few seconds when the address contains ?auto=1,
// so you can leave it open while signing up in another tab.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  if (!params.has('auto')) {
    return;
  }
  function reloadLater() {
    window.setTimeout(function () {
      // Wait while a menu (such as the node pin menu) is open, so it does not snap shut.
      if (document.querySelector('details[open]')) {
        reloadLater();
        return;
      }
      window.location.reload();
    }, 5000);
  }
  reloadLater();
})();
