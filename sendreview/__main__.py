from sendreview.cli import main

raise SystemExit(main())
