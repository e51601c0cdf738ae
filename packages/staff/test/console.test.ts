// The console's browser tests. They run in one file, one after another: the console remembers the
// language and the town in localStorage, which every test page of the same origin shares, so two
// files running side by side would change each other's state.
import './staff-app.suite.ts';
import './screens.suite.ts';
import './kb-screens.suite.ts';
import './webhooks.suite.ts';
import './outbox.suite.ts';
import './reports.suite.ts';
import './inbox.suite.ts';
import './request-page.suite.ts';
import './embed-builder.suite.ts';
import './privacy.suite.ts';
