from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'review.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_v = resolve('v')
    l_0_m = l_0_voice = missing
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
        t_3 = environment.filters['lower']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'lower' found.")
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
        t_6 = environment.filters['sendreview-loop']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-loop' found.")
    try:
        t_7 = environment.filters['sendreview-size']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'sendreview-size' found.")
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.md.j2', 'review.md.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'draft'):
        pass
        yield '::: {.draft custom-style="Draft"}\nDRAFT: this report is not final and is not for circulation.\n:::\n\n'
    yield '# About this review\n\n'
    def macro():
        t_8 = []
        pass
        t_8.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['School', markup_join((t_7(markup_join((environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school'), (markup_join((t_7(markup_join((' (URN ', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'urn'), ')', ))), )) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'urn') else ''), ))), ))]))),
            '\n',
        ))
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'setting'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Type of setting', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'setting')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'age_range'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Age range', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'age_range')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'local_authority'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Local authority', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'local_authority')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'trust'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Trust', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'trust')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'headteacher'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Headteacher', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'headteacher')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'senco'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['SENCO', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'senco')]))),
            )
        t_8.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Reviewed against', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'framework')]))),
            '\n',
        ))
        def macro():
            t_9 = []
            pass
            def macro():
                t_10 = []
                pass
                t_10.extend((
                    'Reviewer',
                    escape(environment.finalize(('s' if (t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'reviewers')) > 1) else cond_expr_undefined("the inline if-expression on line 22 in 'review.md.j2' evaluated to false and no else section was defined.")))),
                ))
                return concat(t_10)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_9.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
            def macro():
                t_11 = []
                pass
                l_4_loop = missing
                for l_4_r, l_4_loop in LoopContext(t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'reviewers')), undefined):
                    _loop_vars = {}
                    pass
                    t_11.append(
                        escape(environment.finalize(l_4_r)),
                    )
                    if (not environment.getattr(l_4_loop, 'last')):
                        pass
                        t_11.append(
                            '\\\n',
                        )
                    t_11.append(
                        '\n',
                    )
                l_4_loop = l_4_r = missing
                return concat(t_11)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_9.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
            return concat(t_9)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        t_8.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller))
        for l_2_row in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'dates')):
            _loop_vars = {}
            pass
            t_8.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), environment.getattr(l_2_row, 'cells'), _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_row = missing
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'commissioned_by'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Commissioned by', environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'commissioned_by')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recommended_by'):
            pass
            t_8.append(
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Recommended by', t_1(context.eval_ctx, environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recommended_by'), '; ')]))),
            )
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'reasons'):
            pass
            def macro():
                t_12 = []
                pass
                def macro():
                    t_13 = []
                    pass
                    t_13.append(
                        'Reasons for the review',
                    )
                    return concat(t_13)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_12.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_14 = []
                    pass
                    for l_4_reason in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'reasons')):
                        _loop_vars = {}
                        pass
                        t_14.extend((
                            '- ',
                            escape(environment.finalize(l_4_reason)),
                            '\n',
                        ))
                    l_4_reason = missing
                    return concat(t_14)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_12.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                return concat(t_12)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_8.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller))
        if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'focus'):
            pass
            def macro():
                t_15 = []
                pass
                def macro():
                    t_16 = []
                    pass
                    t_16.append(
                        'Agreed focus',
                    )
                    return concat(t_16)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_15.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_17 = []
                    pass
                    t_17.extend((
                        escape(environment.finalize(t_4(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'focus')))),
                        '\n',
                    ))
                    return concat(t_17)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_15.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                return concat(t_15)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_8.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller))
        return concat(t_8)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '30,70', header=0, id='about', caller=caller)
    yield '\n'
    l_0_voice = 'reviewer'
    context.vars['voice'] = l_0_voice
    context.exported_vars.add('voice')
    template = environment.get_template('_context.md.j2', 'review.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m, 'voice': l_0_voice}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n# Summary of the visit\n\n'
    yield escape(environment.finalize((t_4(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'summary')) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'summary') else Markup('*Not written yet.*'))))
    yield '\n\n::: {.landscape}\n# '
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'strengths')))
    yield ', '
    yield escape(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'areas_for_development'))))
    yield ' and '
    yield escape(environment.finalize(t_3(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'recommendations'))))
    yield '\n\n'
    def macro():
        t_18 = []
        pass
        t_18.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), [environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'focus'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'strengths'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'areas_for_development'), environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'recommendations')]))),
            '\n',
        ))
        for l_2_area in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'areas')):
            _loop_vars = {}
            pass
            def macro():
                t_19 = []
                pass
                def macro():
                    t_20 = []
                    pass
                    t_20.extend((
                        '**',
                        escape(environment.finalize(environment.getattr(l_2_area, 'heading'))),
                        '**',
                    ))
                    return concat(t_20)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_19.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_21 = []
                    pass
                    t_21.extend((
                        escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_2_area, 'strengths'), with_evidence=False, empty='None recorded.'))),
                        '\n',
                    ))
                    return concat(t_21)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_19.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_22 = []
                    pass
                    t_22.extend((
                        escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_2_area, 'areas_for_development'), with_evidence=False, empty='None recorded.'))),
                        '\n',
                    ))
                    return concat(t_22)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_19.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                def macro():
                    t_23 = []
                    pass
                    if environment.getattr(l_2_area, 'recommendations'):
                        pass
                        for l_5_rec in t_6(environment.getattr(l_2_area, 'recommendations')):
                            _loop_vars = {}
                            pass
                            t_23.extend((
                                '- **',
                                escape(environment.finalize(environment.getattr(l_5_rec, 'id'))),
                                '** ',
                                escape(environment.finalize(t_4(environment.getattr(l_5_rec, 'text'), 2))),
                                '\n',
                            ))
                        l_5_rec = missing
                    else:
                        pass
                        t_23.append(
                            '*None.*\n',
                        )
                    return concat(t_23)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_19.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                return concat(t_19)
            caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
            t_18.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
        l_2_area = missing
        return concat(t_18)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '16,28,28,28', id='annex-3', caller=caller)
    yield ':::\n\n# Findings by area of focus\n\nEach finding shows the evidence it rests on: in full the first time an area cites it,\nthen by its number. The evidence log at the end of the report describes each piece.\n\n'
    for l_1_area in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'areas')):
        _loop_vars = {}
        pass
        yield '## '
        yield escape(environment.finalize(environment.getattr(l_1_area, 'number')))
        yield '. '
        yield escape(environment.finalize(environment.getattr(l_1_area, 'heading')))
        yield '\n\n### '
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'strengths')))
        yield '\n\n'
        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_1_area, 'strengths'), _loop_vars=_loop_vars)))
        yield '\n\n### '
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'areas_for_development')))
        yield '\n\n'
        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'items'), environment.getattr(l_1_area, 'areas_for_development'), _loop_vars=_loop_vars)))
        yield '\n\n### '
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'recommendations')))
        yield '\n\n'
        if environment.getattr(l_1_area, 'recommendations'):
            pass
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'recommendations'), environment.getattr(l_1_area, 'recommendations'), _loop_vars=_loop_vars)))
            yield '\n'
        else:
            pass
            yield '*No recommendations for this area.*\n'
        yield '\n'
    l_1_area = missing
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'comparison'):
        pass
        yield "# How the school's self-evaluation compares\n\n*The guide's case studies value a school that knows itself well: here the school's own view of each area is set beside the review's findings.*\n\n"
        def macro():
            t_24 = []
            pass
            t_24.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Area of focus', 'Points both make alike', 'Points seen differently', 'Areas for development only the review names']))),
                '\n',
            ))
            for l_2_row in t_6(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'comparison'), 'rows')):
                _loop_vars = {}
                pass
                t_24.extend((
                    escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), l_2_row, _loop_vars=_loop_vars))),
                    '\n',
                ))
            l_2_row = missing
            return concat(t_24)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '40,20,20,20', id='comparison', caller=caller)
        yield '\nEntries are paired when both are tagged with the same theme or are worded alike.\n\n'
        if environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'comparison'), 'areas'):
            pass
            yield '## Where the views differ\n\n'
        for l_1_area in t_6(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'comparison'), 'areas')):
            _loop_vars = {}
            pass
            yield '### '
            yield escape(environment.finalize(environment.getattr(l_1_area, 'title')))
            yield '\n\n'
            for l_2_d in t_6(environment.getattr(l_1_area, 'differences')):
                _loop_vars = {}
                pass
                yield '- The school, as '
                yield escape(environment.finalize(environment.getattr(l_2_d, 'school_kind')))
                yield ': “'
                yield escape(environment.finalize(environment.getattr(l_2_d, 'school')))
                yield '”\\\n  The review, as '
                yield escape(environment.finalize(environment.getattr(l_2_d, 'reviewer_kind')))
                yield ': “'
                yield escape(environment.finalize(environment.getattr(l_2_d, 'reviewer')))
                yield '”\n'
            l_2_d = missing
            if environment.getattr(l_1_area, 'saw_nothing'):
                pass
                yield '- '
                yield escape(environment.finalize(environment.getattr(l_1_area, 'saw_nothing')))
                yield '\n'
            yield '\n'
        l_1_area = missing
    yield '# All recommendations\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recommendations'):
        pass
        def macro():
            t_25 = []
            pass
            t_25.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Id', 'Recommendation', 'Area of focus', 'Owner', 'Due', 'Priority']))),
                '\n',
            ))
            for l_2_rec in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'recommendations')):
                _loop_vars = {}
                pass
                def macro():
                    t_26 = []
                    pass
                    def macro():
                        t_27 = []
                        pass
                        t_27.extend((
                            '**',
                            escape(environment.finalize(environment.getattr(l_2_rec, 'id'))),
                            '**',
                        ))
                        return concat(t_27)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_28 = []
                        pass
                        t_28.extend((
                            escape(environment.finalize(t_4(environment.getattr(l_2_rec, 'text')))),
                            '\n',
                        ))
                        if environment.getattr(l_2_rec, 'origin'):
                            pass
                            t_28.extend((
                                '\n*',
                                escape(environment.finalize(environment.getattr(l_2_rec, 'origin'))),
                                '.*\n',
                            ))
                        return concat(t_28)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_29 = []
                        pass
                        t_29.append(
                            escape(environment.finalize(environment.getattr(l_2_rec, 'area'))),
                        )
                        return concat(t_29)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_30 = []
                        pass
                        t_30.append(
                            escape(environment.finalize(environment.getattr(l_2_rec, 'owner'))),
                        )
                        return concat(t_30)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_31 = []
                        pass
                        t_31.append(
                            escape(environment.finalize(environment.getattr(l_2_rec, 'due_short'))),
                        )
                        return concat(t_31)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    def macro():
                        t_32 = []
                        pass
                        t_32.append(
                            escape(environment.finalize(environment.getattr(l_2_rec, 'priority'))),
                        )
                        return concat(t_32)
                    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                    t_26.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'cell'), caller=caller))
                    return concat(t_26)
                caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
                t_25.append(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'row'), caller=caller, _loop_vars=_loop_vars))
            l_2_rec = missing
            return concat(t_25)
        caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
        yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '6,44,17,13,11,9', id='recommendations', caller=caller)
    else:
        pass
        yield '*No recommendations yet.*\n'
    yield '\n# The vision\n\n*'
    yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'labels'), 'vision_prompt')))
    yield '*\n\n'
    yield escape(environment.finalize((t_4(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'vision')) if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'vision') else Markup('*Not written yet.*'))))
    yield '\n\n'
    template = environment.get_template('_evidence.md.j2', 'review.md.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {'m': l_0_m, 'voice': l_0_voice}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '\n# Sign-off\n\n'
    if environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'draft'):
        pass
        yield '*This report is a draft. It is signed off when it is final and sent to the school.*\n'
    elif environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sent'):
        pass
        yield 'This report was written by the reviewer'
        yield escape(environment.finalize(('s' if (t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sign_off')) > 1) else cond_expr_undefined("the inline if-expression on line 186 in 'review.md.j2' evaluated to false and no else section was defined."))))
        yield ' below and sent to '
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'school')))
        yield ' on '
        yield escape(environment.finalize(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sent')))
        yield '.\n'
    else:
        pass
        yield 'This report was written by the reviewer'
        yield escape(environment.finalize(('s' if (t_2(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sign_off')) > 1) else cond_expr_undefined("the inline if-expression on line 188 in 'review.md.j2' evaluated to false and no else section was defined."))))
        yield ' below.\n'
    yield '\n'
    def macro():
        t_33 = []
        pass
        t_33.extend((
            escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), ['Reviewer', 'Role', 'Organisation']))),
            '\n',
        ))
        for l_2_row in t_6(environment.getattr((undefined(name='v') if l_0_v is missing else l_0_v), 'sign_off')):
            _loop_vars = {}
            pass
            t_33.extend((
                escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'plain_row'), environment.getattr(l_2_row, 'cells'), _loop_vars=_loop_vars))),
                '\n',
            ))
        l_2_row = missing
        return concat(t_33)
    caller = Macro(environment, macro, None, (), False, False, False, context.eval_ctx.autoescape)
    yield environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'table'), '28,40,32', id='sign-off', row_heads=1, caller=caller)

blocks = {}
debug_info = '3=55&4=57&12=61&13=65&14=68&15=73&16=78&17=83&18=88&19=93&20=99&21=102&22=105&23=115&24=119&25=123&23=136&21=139&31=140&32=144&34=148&35=153&36=158&37=160&38=163&39=172&40=175&41=180&39=186&37=189&46=190&47=192&48=195&49=204&50=208&49=213&47=216&12=219&56=221&57=224&61=231&64=233&66=239&67=243&68=246&69=249&70=252&71=263&72=267&71=272&74=273&75=277&74=282&77=283&78=286&79=288&80=293&77=306&69=309&66=313&96=315&97=319&99=323&101=325&103=327&105=329&107=331&109=333&110=335&116=342&121=345&122=349&123=352&124=356&121=362&130=364&134=367&135=371&137=373&138=377&139=381&141=386&142=389&149=394&150=396&151=400&152=403&153=406&154=409&155=420&156=424&157=427&159=431&155=436&162=437&163=446&164=455&165=464&153=475&150=479&175=484&177=486&179=488&183=495&185=498&186=501&188=510&191=513&192=517&193=520&194=524&191=530'