from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'follow-up.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = l_0_width = l_0_noted = missing
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['md']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'md' found.")
    try:
        t_5 = environment.filters['safe']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'safe' found.")
    try:
        t_6 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    try:
        t_7 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    try:
        t_8 = environment.filters['sendreview-size']
    except KeyError:
        @internalcode
        def t_8(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-size' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.md.j2', 'follow-up.md.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    def macro():
        t_9 = []
        pass
        t_9.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), [environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'reviewer'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'school'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'date')]))),
            '\n',
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), [environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'reviewer'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'report'), 'school'), environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'date')]))),
            '\n',
        ))
        return concat(t_9)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '34,33,33', id='visit', row_heads=0, caller=caller)
    yield '\n# '
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'summary')))
    yield '\n\n'
    yield escape(environment.finalize((t_4(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'summary')) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'summary') else Markup('*Not written.*'))))
    yield '\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'previous_points'):
        pass
        yield '# Action points from the last visit\n\n*The action points agreed at the visit of '
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'previous_date')))
        yield ', and what this visit found.*\n\n'
        def macro():
            t_10 = []
            pass
            t_10.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['For', 'Action point', 'Done?', 'Note']))),
                '\n',
            ))
            for l_2_p in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'previous_points')):
                _loop_vars = {}
                pass
                def macro():
                    t_11 = []
                    pass
                    def macro():
                        t_12 = []
                        pass
                        t_12.append(
                            escape(environment.finalize(environment.getattr(l_2_p, 'by'))),
                        )
                        return concat(t_12)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_13 = []
                        pass
                        t_13.extend((
                            escape(environment.finalize(t_4(environment.getattr(l_2_p, 'point')))),
                            '\n',
                        ))
                        return concat(t_13)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_14 = []
                        pass
                        t_14.extend((
                            '**',
                            escape(environment.finalize(environment.getattr(l_2_p, 'done'))),
                            '**',
                        ))
                        return concat(t_14)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_15 = []
                        pass
                        t_15.extend((
                            escape(environment.finalize(t_4(environment.getattr(l_2_p, 'note')))),
                            '\n',
                        ))
                        return concat(t_15)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_11.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    return concat(t_11)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_10.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
            l_2_p = missing
            return concat(t_10)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '11,45,12,32', id='previous-action-points', caller=caller)
        yield '\n'
    yield '::: {.landscape}\n# Progress on the recommendations\n\n!['
    yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'chart_text')))
    yield ']('
    yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'chart')))
    yield ')\n\n*'
    yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'chart_text')))
    yield '*\n\n'
    l_0_width = (64 - environment.call_binop(context, '*', 10, t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'visits'))))
    context.vars['width'] = l_0_width
    context.exported_vars.add('width')
    def macro():
        t_16 = []
        pass
        t_16.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), environment.call_binop(context, '+', environment.call_binop(context, '+', ['Id', 'Recommendation', 'Owner', 'Due'], environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'visits')), ['Since the last visit'])))),
            '\n',
        ))
        for l_2_row in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rows')):
            _loop_vars = {}
            pass
            def macro():
                t_17 = []
                pass
                def macro():
                    t_18 = []
                    pass
                    t_18.extend((
                        '**',
                        escape(environment.finalize(environment.getattr(l_2_row, 'id'))),
                        '**',
                    ))
                    return concat(t_18)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_19 = []
                    pass
                    t_19.extend((
                        escape(environment.finalize(t_4(environment.getattr(l_2_row, 'text')))),
                        '\n',
                    ))
                    if environment.getattr(l_2_row, 'origin'):
                        pass
                        t_19.extend((
                            '\n*',
                            escape(environment.finalize(environment.getattr(l_2_row, 'origin'))),
                            '.*\n',
                        ))
                    if environment.getattr(l_2_row, 'overdue'):
                        pass
                        t_19.extend((
                            '\n**',
                            escape(environment.finalize(environment.getattr(l_2_row, 'overdue'))),
                            '.**\n',
                        ))
                    return concat(t_19)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_20 = []
                    pass
                    t_20.append(
                        escape(environment.finalize(environment.getattr(l_2_row, 'owner'))),
                    )
                    return concat(t_20)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_21 = []
                    pass
                    t_21.append(
                        escape(environment.finalize(environment.getattr(l_2_row, 'due'))),
                    )
                    return concat(t_21)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                for l_4_c in t_7(environment.getattr(l_2_row, 'cells')):
                    _loop_vars = {}
                    pass
                    def macro():
                        t_22 = []
                        pass
                        if environment.getattr(l_4_c, 'recorded'):
                            pass
                            t_22.append(
                                escape(environment.finalize(environment.getattr(l_4_c, 'label'))),
                            )
                        else:
                            pass
                            t_22.extend((
                                '*',
                                escape(environment.finalize(environment.getattr(l_4_c, 'label'))),
                                '*',
                            ))
                        return concat(t_22)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller, _loop_vars=_loop_vars))
                l_4_c = missing
                def macro():
                    t_23 = []
                    pass
                    t_23.append(
                        escape(environment.finalize(environment.getattr(l_2_row, 'change'))),
                    )
                    return concat(t_23)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_17.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                return concat(t_17)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_16.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
        l_2_row = missing
        return concat(t_16)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), markup_join((t_8(markup_join(('5,', (undefined(name='width') if l_0_width is missing else l_0_width), ',12,9', environment.call_binop(context, '*', ',10', t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'visits'))), ',10', ))), )), id='progress', caller=caller)
    yield '\nKey: '
    yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'key'), '; ')))
    yield '. *In italics:* complete at an earlier visit and not assessed again. **Overdue since** a date: past its due date and not complete at this visit.\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'earlier_visits'):
        pass
        yield 'The '
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'earlier_visits')))
        yield ' earliest visit'
        yield escape(environment.finalize(('s are' if (environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'earlier_visits') > 1) else ' is')))
        yield ' in the reports of those visits.\n'
    yield ':::\n\n'
    l_0_noted = t_3(context.eval_ctx, t_6(context, environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'rows'), 'note'))
    context.vars['noted'] = l_0_noted
    context.exported_vars.add('noted')
    if (undefined(name='noted') if l_0_noted is missing else l_0_noted):
        pass
        yield '## Notes from this visit\n\n'
        for l_1_row in t_7((undefined(name='noted') if l_0_noted is missing else l_0_noted)):
            _loop_vars = {}
            pass
            yield '**'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'id')))
            yield '.** '
            yield escape(environment.finalize(t_4(environment.getattr(l_1_row, 'note'))))
            if environment.getattr(l_1_row, 'evidence'):
                pass
                yield ' *(Evidence: '
                yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_row, 'evidence'), ', ')))
                yield '.)*'
            yield '\n\n'
        l_1_row = missing
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'added'):
        pass
        yield '# Recommendations agreed at this visit\n\n'
        for l_1_rec in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'added')):
            _loop_vars = {}
            pass
            yield '**'
            yield escape(environment.finalize(environment.getattr(l_1_rec, 'id')))
            yield '** ('
            yield escape(environment.finalize(environment.getattr(l_1_rec, 'area')))
            yield '). '
            yield escape(environment.finalize(t_4(environment.getattr(l_1_rec, 'text'))))
            yield '\n\n'
            if environment.getattr(l_1_rec, 'owner'):
                pass
                yield 'Owner: '
                yield escape(environment.finalize(environment.getattr(l_1_rec, 'owner')))
                yield '. '
            if environment.getattr(l_1_rec, 'due'):
                pass
                yield 'Due: '
                yield escape(environment.finalize(environment.getattr(l_1_rec, 'due')))
                yield '. '
            if environment.getattr(l_1_rec, 'priority'):
                pass
                yield 'Priority: '
                yield escape(environment.finalize(environment.getattr(l_1_rec, 'priority')))
                yield '. '
            if environment.getattr(l_1_rec, 'evidence'):
                pass
                yield 'Evidence: '
                yield escape(environment.finalize(t_1(context.eval_ctx, environment.getattr(l_1_rec, 'evidence'), ', ')))
                yield '.'
            yield '\n\n'
        l_1_rec = missing
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'log'):
        pass
        yield '# Evidence from this visit\n\n'
        def macro():
            t_24 = []
            pass
            t_24.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Id', 'Date', 'How', 'Who', 'What was seen or heard']))),
                '\n',
            ))
            for l_2_e in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'log')):
                _loop_vars = {}
                pass
                def macro():
                    t_25 = []
                    pass
                    def macro():
                        t_26 = []
                        pass
                        t_26.extend((
                            '**',
                            escape(environment.finalize(environment.getattr(environment.getattr(l_2_e, 'ref'), 'id'))),
                            '**',
                        ))
                        return concat(t_26)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_27 = []
                        pass
                        t_27.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'date'))),
                        )
                        return concat(t_27)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_28 = []
                        pass
                        t_28.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'method'))),
                        )
                        return concat(t_28)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_29 = []
                        pass
                        t_29.append(
                            escape(environment.finalize(environment.getattr(l_2_e, 'stakeholders'))),
                        )
                        return concat(t_29)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_30 = []
                        pass
                        if environment.getattr(l_2_e, 'title'):
                            pass
                            t_30.extend((
                                '**',
                                escape(environment.finalize(environment.getattr(l_2_e, 'title'))),
                                '**',
                            ))
                            if environment.getattr(l_2_e, 'areas'):
                                pass
                                t_30.extend((
                                    ' (',
                                    escape(environment.finalize(environment.getattr(l_2_e, 'areas'))),
                                    ')',
                                ))
                            t_30.append(
                                '\n\n',
                            )
                        t_30.extend((
                            escape(environment.finalize(t_4(environment.getattr(l_2_e, 'notes')))),
                            '\n',
                        ))
                        return concat(t_30)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    return concat(t_25)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_24.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
            l_2_e = missing
            return concat(t_24)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '9,13,22,16,40', id='visit-evidence', caller=caller)
        yield '\n'
    yield '# '
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'action_points_school')))
    yield '\n\n'
    t_31 = 1
    for l_1_point in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'action_points_school')):
        _loop_vars = {}
        pass
        yield '- '
        yield escape(environment.finalize(t_4(l_1_point, 2)))
        yield '\n'
        t_31 = 0
    l_1_point = missing
    if t_31:
        pass
        yield '*None.*\n'
    yield '\n# '
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'action_points_reviewer')))
    yield '\n\n'
    t_32 = 1
    for l_1_point in t_7(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'action_points_reviewer')):
        _loop_vars = {}
        pass
        yield '- '
        yield escape(environment.finalize(t_4(l_1_point, 2)))
        yield '\n'
        t_32 = 0
    l_1_point = missing
    if t_32:
        pass
        yield '*None.*\n'
    yield '\n# The vision\n\n*'
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'vision_prompt')))
    yield '*\n\n'
    yield escape(environment.finalize((t_4(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'vision')) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'vision') else Markup('*Not written.*'))))
    yield '\n\n# '
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'next_visit')))
    yield '\n\n'
    yield escape(environment.finalize((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'next_visit') or 'Not yet agreed.')))
    yield '\n'

blocks = {}
debug_info = '3=61&4=63&5=67&6=69&4=74&9=76&11=78&13=80&16=83&18=85&19=89&20=92&21=95&22=98&23=107&24=111&23=116&26=117&27=128&28=132&27=137&21=140&18=144&38=147&40=151&42=153&43=156&44=160&45=163&46=166&47=169&48=180&49=184&50=187&52=191&54=194&56=198&48=203&59=204&60=213&61=222&62=225&64=244&46=255&43=259&69=261&70=263&71=266&75=271&76=274&79=277&80=281&84=291&87=294&88=298&90=304&94=326&97=329&98=333&99=336&100=339&101=342&102=353&103=362&104=371&105=380&106=383&107=387&111=401&105=406&100=409&97=413&118=416&120=419&121=423&126=431&128=434&129=438&136=446&138=448&140=450&142=452'